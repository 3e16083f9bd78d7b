"""pip-explain: explains why a source build in ``pip install`` failed.

Nothing is imported here on purpose: the start-up hook imports
``pip_explain._hook`` in every Python process of the environment.
"""

__version__ = "0.1.0"
