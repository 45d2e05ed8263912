"""Delivery records and what they show: validation, learning gain, suppression, charts, CSV.

Pure domain: plain values in, plain values out; no Flask and no database here.
"""
