"""Ship the top-level lessons/, templates/, static/ and migrations/ inside the wheel as kit/_data/."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_DIRS = ("lessons", "templates", "static", "migrations")


class BuildWithData(build_py):
    """Copy the data folders next to the package so an installed wheel finds them."""

    def run(self):
        super().run()
        root = Path(__file__).parent
        target = Path(self.build_lib) / "kit" / "_data"
        for name in DATA_DIRS:
            src = root / name
            if src.is_dir():
                shutil.copytree(src, target / name, dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithData})
