"""The Teams app package: the manifest template, the two icons, and `twelvecs manifest`,
which fills the template and checks everything Teams would refuse (builder.py). The
template and icons are package data, read with importlib.resources, so an installed wheel
builds packages too."""
