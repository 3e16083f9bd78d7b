"""Which distribution package ships a C header, per package manager.

Only names known to exist are listed; a manager without an entry gets a
"search for it" hint instead of a guess. Keys are the header as the compiler
names it (``openssl/ssl.h``), or its basename when unambiguous.
"""
from __future__ import annotations

from typing import Dict, Optional

# (apt, dnf, apk, pacman, zypper, brew, conda)
_ROWS = {
    "ffi.h": ("libffi-dev", "libffi-devel", "libffi-dev", "libffi", "libffi-devel", "libffi", "libffi"),
    "openssl/ssl.h": ("libssl-dev", "openssl-devel", "openssl-dev", "openssl", "libopenssl-devel", "openssl", "openssl"),
    "openssl/opensslv.h": ("libssl-dev", "openssl-devel", "openssl-dev", "openssl", "libopenssl-devel", "openssl", "openssl"),
    "openssl/crypto.h": ("libssl-dev", "openssl-devel", "openssl-dev", "openssl", "libopenssl-devel", "openssl", "openssl"),
    "openssl/err.h": ("libssl-dev", "openssl-devel", "openssl-dev", "openssl", "libopenssl-devel", "openssl", "openssl"),
    "portaudio.h": ("portaudio19-dev", "portaudio-devel", "portaudio-dev", "portaudio", "portaudio-devel", "portaudio", "portaudio"),
    "lber.h": ("libldap2-dev", "openldap-devel", "openldap-dev", "libldap", "openldap2-devel", "openldap", "openldap"),
    "ldap.h": ("libldap2-dev", "openldap-devel", "openldap-dev", "libldap", "openldap2-devel", "openldap", "openldap"),
    "sasl/sasl.h": ("libsasl2-dev", "cyrus-sasl-devel", "cyrus-sasl-dev", "libsasl", "cyrus-sasl-devel", "cyrus-sasl", "cyrus-sasl"),
    "zlib.h": ("zlib1g-dev", "zlib-devel", "zlib-dev", "zlib", "zlib-devel", "zlib", "zlib"),
    "bzlib.h": ("libbz2-dev", "bzip2-devel", "bzip2-dev", "bzip2", "libbz2-devel", "bzip2", "bzip2"),
    "lzma.h": ("liblzma-dev", "xz-devel", "xz-dev", "xz", "xz-devel", "xz", "xz"),
    "libxml/xmlversion.h": ("libxml2-dev", "libxml2-devel", "libxml2-dev", "libxml2", "libxml2-devel", "libxml2", "libxml2"),
    "libxml/parser.h": ("libxml2-dev", "libxml2-devel", "libxml2-dev", "libxml2", "libxml2-devel", "libxml2", "libxml2"),
    "libxslt/xsltconfig.h": ("libxslt1-dev", "libxslt-devel", "libxslt-dev", "libxslt", "libxslt-devel", "libxslt", "libxslt"),
    "libxslt/xslt.h": ("libxslt1-dev", "libxslt-devel", "libxslt-dev", "libxslt", "libxslt-devel", "libxslt", "libxslt"),
    "libpq-fe.h": ("libpq-dev", "libpq-devel", "libpq-dev", "postgresql-libs", None, "libpq", "libpq"),
    "jpeglib.h": ("libjpeg-dev", "libjpeg-turbo-devel", "libjpeg-turbo-dev", "libjpeg-turbo", "libjpeg8-devel", "jpeg", "libjpeg-turbo"),
    "png.h": ("libpng-dev", "libpng-devel", "libpng-dev", "libpng", "libpng16-devel", "libpng", "libpng"),
    "ft2build.h": ("libfreetype-dev", "freetype-devel", "freetype-dev", "freetype2", "freetype2-devel", "freetype", "freetype"),
    "tiffio.h": ("libtiff-dev", "libtiff-devel", "tiff-dev", "libtiff", "libtiff-devel", "libtiff", "libtiff"),
    "webp/decode.h": ("libwebp-dev", "libwebp-devel", "libwebp-dev", "libwebp", "libwebp-devel", "webp", "libwebp"),
    "cairo.h": ("libcairo2-dev", "cairo-devel", "cairo-dev", "cairo", "cairo-devel", "cairo", "cairo"),
    "krb5.h": ("libkrb5-dev", "krb5-devel", "krb5-dev", "krb5", "krb5-devel", "krb5", "krb5"),
    "gssapi/gssapi.h": ("libkrb5-dev", "krb5-devel", "krb5-dev", "krb5", "krb5-devel", "krb5", "krb5"),
    "curl/curl.h": ("libcurl4-openssl-dev", "libcurl-devel", "curl-dev", "curl", "libcurl-devel", "curl", "libcurl"),
    "sql.h": ("unixodbc-dev", "unixODBC-devel", "unixodbc-dev", "unixodbc", "unixODBC-devel", "unixodbc", "unixodbc"),
    "sqlext.h": ("unixodbc-dev", "unixODBC-devel", "unixodbc-dev", "unixodbc", "unixODBC-devel", "unixodbc", "unixodbc"),
    "dbus/dbus.h": ("libdbus-1-dev", "dbus-devel", "dbus-dev", "dbus", "dbus-1-devel", "dbus", "dbus"),
    "gmp.h": ("libgmp-dev", "gmp-devel", "gmp-dev", "gmp", "gmp-devel", "gmp", "gmp"),
    "mpfr.h": ("libmpfr-dev", "mpfr-devel", "mpfr-dev", "mpfr", "mpfr-devel", "mpfr", "mpfr"),
    "mpc.h": ("libmpc-dev", "libmpc-devel", "mpc1-dev", "libmpc", "mpc-devel", "libmpc", "libmpc"),
    "fftw3.h": ("libfftw3-dev", "fftw-devel", "fftw-dev", "fftw", "fftw3-devel", "fftw", "fftw"),
    "hdf5.h": ("libhdf5-dev", "hdf5-devel", "hdf5-dev", "hdf5", "hdf5-devel", "hdf5", "hdf5"),
    "yaml.h": ("libyaml-dev", "libyaml-devel", "yaml-dev", "libyaml", "libyaml-devel", "libyaml", "yaml"),
    "sqlite3.h": ("libsqlite3-dev", "sqlite-devel", "sqlite-dev", "sqlite", "sqlite3-devel", "sqlite", "sqlite"),
    "readline/readline.h": ("libreadline-dev", "readline-devel", "readline-dev", "readline", "readline-devel", "readline", "readline"),
    "uuid/uuid.h": ("uuid-dev", "libuuid-devel", "util-linux-dev", "util-linux", "libuuid-devel", None, "libuuid"),
    "expat.h": ("libexpat1-dev", "expat-devel", "expat-dev", "expat", "libexpat-devel", "expat", "expat"),
    "pcap.h": ("libpcap-dev", "libpcap-devel", "libpcap-dev", "libpcap", "libpcap-devel", "libpcap", "libpcap"),
    "glib.h": ("libglib2.0-dev", "glib2-devel", "glib-dev", "glib2", "glib2-devel", "glib", "glib"),
    "zstd.h": ("libzstd-dev", "libzstd-devel", "zstd-dev", "zstd", "libzstd-devel", "zstd", "zstd"),
    "lz4.h": ("liblz4-dev", "lz4-devel", "lz4-dev", "lz4", "liblz4-devel", "lz4", "lz4"),
    "snappy-c.h": ("libsnappy-dev", "snappy-devel", "snappy-dev", "snappy", "snappy-devel", "snappy", "snappy"),
    "geos_c.h": ("libgeos-dev", "geos-devel", "geos-dev", "geos", "geos-devel", "geos", "geos"),
    "proj.h": ("libproj-dev", "proj-devel", "proj-dev", "proj", "proj-devel", "proj", "proj"),
    "gdal.h": ("libgdal-dev", "gdal-devel", "gdal-dev", "gdal", "gdal-devel", "gdal", "libgdal"),
    "netcdf.h": ("libnetcdf-dev", "netcdf-devel", "netcdf-dev", "netcdf", "netcdf-devel", "netcdf", "libnetcdf"),
    "cups/cups.h": ("libcups2-dev", "cups-devel", "cups-dev", "libcups", "cups-devel", None, None),
    "SDL2/SDL.h": ("libsdl2-dev", "SDL2-devel", "sdl2-dev", "sdl2", "libSDL2-devel", "sdl2", "sdl2"),
    "GL/gl.h": ("libgl-dev", "mesa-libGL-devel", "mesa-dev", "mesa", "Mesa-libGL-devel", None, None),
    "libusb-1.0/libusb.h": ("libusb-1.0-0-dev", "libusb1-devel", "libusb-dev", "libusb", "libusb-1_0-devel", "libusb", "libusb"),
    "libudev.h": ("libudev-dev", "systemd-devel", "eudev-dev", "systemd", "libudev-devel", None, None),
    "systemd/sd-daemon.h": ("libsystemd-dev", "systemd-devel", None, "systemd", "systemd-devel", None, None),
    "systemd/sd-journal.h": ("libsystemd-dev", "systemd-devel", None, "systemd", "systemd-devel", None, None),
    "graphviz/cgraph.h": ("libgraphviz-dev", "graphviz-devel", "graphviz-dev", "graphviz", "graphviz-devel", "graphviz", "graphviz"),
    "libmemcached/memcached.h": ("libmemcached-dev", "libmemcached-devel", "libmemcached-dev", "libmemcached", "libmemcached-devel", "libmemcached", None),
    "mysql.h": ("default-libmysqlclient-dev", "mysql-devel", "mariadb-dev", "mariadb-libs", "libmariadb-devel", "mysql-client", None),
    "mysql/mysql.h": ("default-libmysqlclient-dev", "mysql-devel", "mariadb-dev", "mariadb-libs", "libmariadb-devel", "mysql-client", None),
    "xmlsec/xmlsec.h": ("libxmlsec1-dev", "xmlsec1-devel", "xmlsec-dev", "xmlsec", "xmlsec1-devel", "libxmlsec1", None),
    "cblas.h": ("libopenblas-dev", "openblas-devel", "openblas-dev", "openblas", "openblas-devel", "openblas", "openblas"),
}
_MANAGERS = ("apt", "dnf", "apk", "pacman", "zypper", "brew", "conda")
_BASENAMES = {}
for _key in _ROWS:
    _BASENAMES.setdefault(_key.rsplit("/", 1)[-1], []).append(_key)


def packages_for_header(header: str) -> Optional[Dict[str, Optional[str]]]:
    """{manager: package} for a header, or None when the table does not know it."""
    header = header.replace("\\", "/").lstrip("./")
    row = _ROWS.get(header)
    if row is None:
        keys = _BASENAMES.get(header.rsplit("/", 1)[-1], [])
        rows = {_ROWS[k] for k in keys}
        row = rows.pop() if len(rows) == 1 else None
    if row is None:
        return None
    table = dict(zip(_MANAGERS, row))
    table["yum"] = table["dnf"]
    return table


def known_headers():
    return sorted(_ROWS)
