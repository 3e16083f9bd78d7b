"""Which distribution package provides a missing C header, library, pkg-config
module or build tool, per package manager.

One :class:`Row` describes one library or tool: the headers, linker names,
pkg-config modules and programs it provides, and its package name for each
manager. Every lookup reads the same rows.

Only names known to exist are listed (each checked against the manager's own
package data; ``scripts/verify_packages.py`` re-checks the apt column on a
Debian machine). A manager without an entry is ``None``: callers then print a
"search for it" hint instead of a guess. A value may hold several names
separated by spaces, to be installed together.

Imported only after a build failed: plain data, stdlib only, lookups are dict
reads on indexes built once at import.
"""
from __future__ import annotations

import re
from typing import Dict, List, NamedTuple, Optional, Tuple

# Column order of a Row after its lookup keys; fixes.py reads names from here.
MANAGERS = ("apt", "dnf", "apk", "pacman", "zypper", "brew", "conda", "vcpkg")
_MANAGERS = MANAGERS  # older name


class Row(NamedTuple):
    headers: Tuple[str, ...] = ()
    libs: Tuple[str, ...] = ()  # as in -lNAME (also NAME.lib on Windows)
    pc: Tuple[str, ...] = ()  # pkg-config module names
    tools: Tuple[str, ...] = ()  # programs on PATH
    apt: Optional[str] = None
    dnf: Optional[str] = None
    apk: Optional[str] = None
    pacman: Optional[str] = None
    zypper: Optional[str] = None
    brew: Optional[str] = None
    conda: Optional[str] = None  # conda-forge
    vcpkg: Optional[str] = None  # Windows: vcpkg port


R = Row
# the C++ standard library's headers of C++98 and C++11, which every libstdc++ since GCC 4.8 has (the extensionless
# files of /usr/include/c++/12 in Debian 12's libstdc++-12-dev, those of the two standards): one missing is the
# library's development files missing, not a compiler too old for a newer standard's header (<string_view>, <format>)
CXX_STANDARD_HEADERS = (
    "algorithm", "bitset", "cassert", "cctype", "cerrno", "cfloat", "ciso646", "climits", "clocale", "cmath", "complex",
    "csetjmp", "csignal", "cstdarg", "cstddef", "cstdio", "cstdlib", "cstring", "ctime", "cwchar", "cwctype", "deque",
    "exception", "fstream", "functional", "iomanip", "ios", "iosfwd", "iostream", "istream", "iterator", "limits",
    "list", "locale", "map", "memory", "new", "numeric", "ostream", "queue", "set", "sstream", "stack", "stdexcept",
    "streambuf", "string", "typeinfo", "utility", "valarray", "vector",
    "array", "atomic", "chrono", "cinttypes", "condition_variable", "cstdint", "forward_list", "future",
    "initializer_list", "mutex", "random", "ratio", "regex", "system_error", "thread", "tuple", "type_traits",
    "typeindex", "unordered_map", "unordered_set")
# fmt: off
ROWS: Tuple[Row, ...] = (
    # --- core libraries most Python C extensions need -------------------
    # glibc's static part of libc.so, which its linker script names (libc.so: "GROUP ( libc.so.6 libc_nonshared.a
    # ... )"): a root without the C library's development package (a snap's, b21-arm-sbc/14)
    R((), ("c_nonshared",), (), (), "libc6-dev", "glibc-devel", None, "glibc", "glibc-devel", None, None, None),
    # ... and the C library's own headers (ISO C's and POSIX's, not the compiler's freestanding ones): on Linux a gcc
    # without them is a gcc installed without the C library's development package (Alpine's gcc without musl-dev,
    # Debian's without its recommended libc6-dev: "limits.h: No such file or directory" from gcc's own limits.h, which
    # include_next's the C library's). Windows and macOS are the rulings' (the SDK, the Command Line Tools)
    R(("stdio.h", "stdlib.h", "string.h", "strings.h", "limits.h", "math.h", "errno.h", "time.h", "wchar.h", "ctype.h",
       "assert.h", "signal.h", "setjmp.h", "locale.h", "inttypes.h", "wctype.h", "fenv.h", "complex.h", "uchar.h",
       "unistd.h", "fcntl.h", "dlfcn.h", "pthread.h", "sched.h", "semaphore.h", "poll.h", "dirent.h", "pwd.h",
       "grp.h", "termios.h", "syslog.h", "netdb.h", "alloca.h", "sys/types.h", "sys/stat.h", "sys/time.h",
       "sys/wait.h", "sys/mman.h", "sys/ioctl.h", "sys/socket.h", "sys/select.h", "sys/uio.h", "sys/un.h",
       "sys/resource.h", "sys/utsname.h", "netinet/in.h", "arpa/inet.h"), (), (), (),
      "libc6-dev", "glibc-devel", "musl-dev", "glibc", "glibc-devel", None, None, None),
    R(("ffi.h", "ffitarget.h"), ("ffi",), ("libffi",), (),
      "libffi-dev", "libffi-devel", "libffi-dev", "libffi", "libffi-devel", "libffi", "libffi", "libffi"),
    R(("openssl/ssl.h", "openssl/opensslv.h", "openssl/crypto.h", "openssl/err.h", "openssl/evp.h",
       "openssl/x509.h", "openssl/rand.h", "openssl/aes.h", "openssl/sha.h", "openssl/bio.h",
       "openssl/conf.h", "openssl/hmac.h", "openssl/pem.h", "openssl/rsa.h"),
      ("ssl", "crypto", "libssl", "libcrypto", "ssleay32", "libeay32"), ("openssl", "libssl", "libcrypto"), (),
      "libssl-dev", "openssl-devel", "openssl-dev", "openssl", "libopenssl-devel", "openssl@3", "openssl", "openssl"),
    R(("libpq-fe.h", "postgres_ext.h", "pg_config.h"), ("pq", "libpq"), ("libpq",), ("pg_config",),
      "libpq-dev", "libpq-devel", "libpq-dev", "postgresql-libs", "postgresql-devel", "libpq", "libpq", "libpq"),
    R(("mysql.h", "mysql/mysql.h", "mariadb/mysql.h", "my_config.h", "mysql/errmsg.h"),
      ("mysqlclient", "mariadb", "mariadbclient", "libmysql", "libmariadb"),
      ("mysqlclient", "mariadb", "libmariadb"), ("mysql_config", "mariadb_config"),
      "default-libmysqlclient-dev", None, "mariadb-connector-c-dev", "mariadb-libs",
      None, "mysql-client", "mysqlclient", "libmysql"),
    R(("libxml/xmlversion.h", "libxml/parser.h", "libxml/tree.h", "libxml/xpath.h", "libxml/xmlmemory.h"),
      ("xml2", "libxml2"), ("libxml-2.0",), ("xml2-config",),
      "libxml2-dev", "libxml2-devel", "libxml2-dev", "libxml2", "libxml2-devel", "libxml2", "libxml2", "libxml2"),
    R(("libxslt/xsltconfig.h", "libxslt/xslt.h", "libxslt/transform.h", "libexslt/exslt.h"),
      ("xslt", "exslt", "libxslt", "libexslt"), ("libxslt", "libexslt"), ("xslt-config",),
      "libxslt1-dev", "libxslt-devel", "libxslt-dev", "libxslt", "libxslt-devel", "libxslt", "libxslt", "libxslt"),
    R(("zlib.h", "zconf.h"), ("z", "zlib", "zlibstatic"), ("zlib",), (),
      "zlib1g-dev", "zlib-devel", "zlib-dev", "zlib", "zlib-devel", "zlib", "zlib", "zlib"),
    R(("bzlib.h",), ("bz2", "bzip2", "libbz2"), ("bzip2",), (),
      "libbz2-dev", "bzip2-devel", "bzip2-dev", "bzip2", "libbz2-devel", "bzip2", "bzip2", "bzip2"),
    R(("lzma.h",), ("lzma", "liblzma"), ("liblzma",), (),
      "liblzma-dev", "xz-devel", "xz-dev", "xz", "xz-devel", "xz", "xz", "liblzma"),
    R(("zstd.h", "zdict.h"), ("zstd",), ("libzstd",), (),
      "libzstd-dev", "libzstd-devel", "zstd-dev", "zstd", "libzstd-devel", "zstd", "zstd", "zstd"),
    R(("lz4.h", "lz4frame.h", "lz4hc.h"), ("lz4",), ("liblz4",), (),
      "liblz4-dev", "lz4-devel", "lz4-dev", "lz4", "liblz4-devel", "lz4", "lz4-c", "lz4"),
    R(("brotli/decode.h", "brotli/encode.h"), ("brotlidec", "brotlienc", "brotlicommon"),
      ("libbrotlidec", "libbrotlienc", "libbrotlicommon"), (),
      "libbrotli-dev", None, "brotli-dev", "brotli", None, "brotli", "brotli", "brotli"),
    R(("snappy-c.h", "snappy.h"), ("snappy",), ("snappy",), (),
      "libsnappy-dev", "snappy-devel", "snappy-dev", "snappy", None, "snappy", "snappy", "snappy"),
    R(("lzo/lzo1x.h", "lzo/lzoconf.h"), ("lzo2",), ("lzo2",), (),
      "liblzo2-dev", None, "lzo-dev", None, "lzo-devel", "lzo", "lzo", "lzo"),
    R(("xxhash.h",), ("xxhash",), ("libxxhash",), (),
      "libxxhash-dev", "xxhash-devel", "xxhash-dev", "xxhash", "libxxhash-devel", "xxhash", "xxhash", "xxhash"),
    R(("archive.h", "archive_entry.h"), ("archive",), ("libarchive",), (),
      "libarchive-dev", None, "libarchive-dev", None, None, "libarchive",
      "libarchive", "libarchive"),
    # ICU (PyICU, polyglot's and Boost.Locale's users): its headers under unicode/, its libraries icuuc / icui18n
    # (icuin on Windows); PyICU 1.9 on CentOS 5 with an older ICU than its sources need, b64-lib-lookups-15/08
    R(("unicode/utypes.h", "unicode/uversion.h", "unicode/uchar.h", "unicode/ucnv.h", "unicode/ustring.h",
       "unicode/unistr.h", "unicode/uloc.h", "unicode/locid.h", "unicode/ucol.h", "unicode/coll.h", "unicode/ubrk.h",
       "unicode/brkiter.h", "unicode/udat.h", "unicode/datefmt.h", "unicode/udatpg.h", "unicode/dtptngen.h",
       "unicode/unum.h", "unicode/numfmt.h", "unicode/msgfmt.h", "unicode/regex.h", "unicode/translit.h",
       "unicode/normalizer2.h", "unicode/unorm2.h", "unicode/usearch.h", "unicode/uidna.h", "unicode/ucsdet.h",
       "unicode/timezone.h", "unicode/calendar.h", "unicode/utf8.h", "unicode/uscript.h"),
      ("icuuc", "icui18n", "icudata", "icuio", "icuin", "icudt"), ("icu-uc", "icu-i18n", "icu-io"), ("icu-config",),
      "libicu-dev", "libicu-devel", "icu-dev", "icu", "libicu-devel", "icu4c", "icu", "icu"),
    # Hunspell: its headers under hunspell/, which bindings include bare with -I/usr/include/hunspell (pyhunspell's
    # "hunspell.hxx": b15-parsers-compression/09, b64-lib-lookups-15/15), its library versioned on some systems
    R(("hunspell/hunspell.hxx", "hunspell/hunspell.h", "hunspell/hunvisapi.h"), ("hunspell", "hunspell-1.7", "hunspell-1.6"),
      ("hunspell",), (),
      "libhunspell-dev", "hunspell-devel", "hunspell-dev", "hunspell", "hunspell-devel", "hunspell", "hunspell", "hunspell"),
    # --- images, fonts, graphics ------------------------------------------
    R(("jpeglib.h", "jconfig.h", "jerror.h", "jmorecfg.h"), ("jpeg", "libjpeg"), ("libjpeg",), (),
      "libjpeg-dev", "libjpeg-turbo-devel", "libjpeg-turbo-dev", "libjpeg-turbo", "libjpeg8-devel", "jpeg-turbo",
      "libjpeg-turbo", "libjpeg-turbo"),
    R(("turbojpeg.h",), ("turbojpeg",), ("libturbojpeg",), (),
      "libturbojpeg0-dev", "turbojpeg-devel", "libjpeg-turbo-dev", "libjpeg-turbo", "libturbojpeg0", "jpeg-turbo",
      "libjpeg-turbo", "libjpeg-turbo"),
    R(("png.h", "pngconf.h", "libpng16/png.h"), ("png", "png16", "libpng", "libpng16"), ("libpng", "libpng16"),
      ("libpng-config",),
      "libpng-dev", "libpng-devel", "libpng-dev", "libpng", "libpng16-devel", "libpng", "libpng", "libpng"),
    R(("tiffio.h", "tiff.h", "tiffconf.h"), ("tiff", "libtiff"), ("libtiff-4",), (),
      "libtiff-dev", "libtiff-devel", "tiff-dev", "libtiff", "libtiff-devel", "libtiff", "libtiff", "tiff"),
    R(("webp/decode.h", "webp/encode.h", "webp/demux.h", "webp/mux.h"), ("webp", "webpdemux", "webpmux", "sharpyuv"),
      ("libwebp", "libwebpdemux", "libwebpmux"), (),
      "libwebp-dev", "libwebp-devel", "libwebp-dev", "libwebp", None, "webp", "libwebp", "libwebp"),
    R(("gif_lib.h",), ("gif",), (), (),
      "libgif-dev", "giflib-devel", "giflib-dev", "giflib", None, "giflib", "giflib", "giflib"),
    R(("ft2build.h", "freetype/freetype.h", "freetype2/ft2build.h"), ("freetype",), ("freetype2",), (),
      "libfreetype-dev", "freetype-devel", "freetype-dev", "freetype2", "freetype2-devel", "freetype", "freetype",
      "freetype"),
    R(("lcms2.h",), ("lcms2",), ("lcms2",), (),
      "liblcms2-dev", None, "lcms2-dev", "lcms2", None, "little-cms2", "lcms2", "lcms"),
    R(("openjpeg.h", "openjpeg-2.5/openjpeg.h"), ("openjp2",), ("libopenjp2",), (),
      "libopenjp2-7-dev", "openjpeg2-devel", "openjpeg-dev", "openjpeg2", None, "openjpeg", "openjpeg",
      "openjpeg"),
    R(("libheif/heif.h",), ("heif",), ("libheif",), (),
      "libheif-dev", None, "libheif-dev", None, None, "libheif", "libheif", "libheif"),
    R(("avif/avif.h",), ("avif",), ("libavif",), (),
      "libavif-dev", None, "libavif-dev", None, None, "libavif", "libavif", "libavif"),
    R(("raqm.h",), ("raqm",), ("raqm",), (),
      "libraqm-dev", None, "libraqm-dev", None, None, "libraqm", "libraqm", "libraqm"),
    R(("hb.h", "harfbuzz/hb.h"), ("harfbuzz",), ("harfbuzz",), (),
      "libharfbuzz-dev", None, "harfbuzz-dev", "harfbuzz", None, "harfbuzz", "harfbuzz",
      "harfbuzz"),
    R(("fribidi.h", "fribidi/fribidi.h"), ("fribidi",), ("fribidi",), (),
      "libfribidi-dev", "fribidi-devel", "fribidi-dev", "fribidi", None, "fribidi", "fribidi", "fribidi"),
    R(("fontconfig/fontconfig.h",), ("fontconfig",), ("fontconfig",), (),
      "libfontconfig-dev", "fontconfig-devel", "fontconfig-dev", "fontconfig", None, "fontconfig",
      "fontconfig", "fontconfig"),
    R(("cairo.h", "cairo/cairo.h", "cairo-ft.h"), ("cairo",), ("cairo", "cairo-ft", "cairo-png"), (),
      "libcairo2-dev", "cairo-devel", "cairo-dev", "cairo", "cairo-devel", "cairo", "cairo", "cairo"),
    R(("pango/pango.h", "pango/pangocairo.h"), ("pango-1.0", "pangocairo-1.0"), ("pango", "pangocairo"), (),
      "libpango1.0-dev", None, "pango-dev", None, "pango-devel", "pango", "pango", "pango"),
    R(("gtk/gtk.h",), ("gtk-3",), ("gtk+-3.0",), (),
      "libgtk-3-dev", "gtk3-devel", "gtk+3.0-dev", "gtk3", "gtk3-devel", "gtk+3", "gtk3", "gtk3"),
    R(("X11/Xlib.h", "X11/X.h"), ("X11",), ("x11",), (),
      "libx11-dev", "libX11-devel", "libx11-dev", "libx11", "libX11-devel", "libx11", "xorg-libx11", None),
    # Vulkan: the loader's development files with the headers (Debian's libvulkan-dev depends on libvulkan1 and
    # ships vulkan.pc; Fedora/Alpine/Arch split the headers into vulkan-headers)
    R(("vulkan/vulkan.h",), ("vulkan", "vulkan-1"), ("vulkan",), (),
      "libvulkan-dev", "vulkan-loader-devel vulkan-headers", "vulkan-loader-dev vulkan-headers",
      "vulkan-icd-loader vulkan-headers", "vulkan-devel", "vulkan-loader vulkan-headers", None, "vulkan"),
    R(("GL/gl.h",), ("GL", "opengl32"), ("gl", "opengl"), (),
      "libgl-dev", "mesa-libGL-devel", "mesa-dev", "mesa", None, None, "libgl-devel", None),
    R(("GL/glu.h",), ("GLU", "glu32"), ("glu",), (),
      "libglu1-mesa-dev", "mesa-libGLU-devel", "glu-dev", "glu", None, None, "libglu", None),
    R(("GL/glut.h", "GL/freeglut.h"), ("glut", "freeglut"), ("glut", "freeglut"), (),
      "freeglut3-dev", "freeglut-devel", "freeglut-dev", "freeglut", "freeglut-devel", "freeglut", "freeglut",
      "freeglut"),
    R(("GL/glew.h",), ("GLEW", "glew32"), ("glew",), (),
      "libglew-dev", "glew-devel", "glew-dev", "glew", "glew-devel", "glew", "glew", "glew"),
    R(("SDL2/SDL.h", "SDL.h"), ("SDL2", "SDL2main"), ("sdl2",), ("sdl2-config",),
      "libsdl2-dev", "SDL2-devel", "sdl2-dev", "sdl2", None, "sdl2", "sdl2", "sdl2"),
    R(("SDL2/SDL_image.h", "SDL_image.h"), ("SDL2_image",), ("SDL2_image",), (),
      "libsdl2-image-dev", "SDL2_image-devel", "sdl2_image-dev", "sdl2_image", None, "sdl2_image",
      "sdl2_image", "sdl2-image"),
    R(("SDL2/SDL_mixer.h", "SDL_mixer.h"), ("SDL2_mixer",), ("SDL2_mixer",), (),
      "libsdl2-mixer-dev", "SDL2_mixer-devel", "sdl2_mixer-dev", "sdl2_mixer", None, "sdl2_mixer",
      "sdl2_mixer", "sdl2-mixer"),
    R(("SDL2/SDL_ttf.h", "SDL_ttf.h"), ("SDL2_ttf",), ("SDL2_ttf",), (),
      "libsdl2-ttf-dev", "SDL2_ttf-devel", "sdl2_ttf-dev", "sdl2_ttf", None, "sdl2_ttf", "sdl2_ttf",
      "sdl2-ttf"),
    R(("libavcodec/avcodec.h", "libavformat/avformat.h", "libavutil/avutil.h", "libswscale/swscale.h",
       "libavdevice/avdevice.h", "libavfilter/avfilter.h", "libswresample/swresample.h"),
      ("avcodec", "avformat", "avutil", "swscale", "avdevice", "avfilter", "swresample"),
      ("libavcodec", "libavformat", "libavutil", "libswscale", "libavdevice", "libavfilter", "libswresample"), (),
      "libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libavdevice-dev libavfilter-dev libswresample-dev",
      "ffmpeg-free-devel", "ffmpeg-dev", "ffmpeg", None, "ffmpeg", "ffmpeg", "ffmpeg"),
    R(("vips/vips.h",), ("vips",), ("vips",), (),
      "libvips-dev", None, "vips-dev", None, None, "vips", "libvips", "libvips"),
    R(("opencv2/opencv.hpp", "opencv2/core.hpp", "opencv2/core/core.hpp"),
      ("opencv_core", "opencv_imgproc", "opencv_highgui"), ("opencv4", "opencv"), (),
      "libopencv-dev", "opencv-devel", "opencv-dev", "opencv", "opencv-devel", "opencv", "libopencv", "opencv4"),
    R(("tesseract/baseapi.h", "tesseract/capi.h"), ("tesseract",), ("tesseract",), ("tesseract",),
      "libtesseract-dev", "tesseract-devel", "tesseract-ocr-dev", "tesseract", None, "tesseract",
      "tesseract", "tesseract"),
    R(("leptonica/allheaders.h", "allheaders.h"), ("lept", "leptonica"), ("lept",), (),
      "libleptonica-dev", "leptonica-devel", "leptonica-dev", "leptonica", None, "leptonica",
      "leptonica", "leptonica"),
    R(("poppler/cpp/poppler-document.h", "poppler-document.h"), ("poppler-cpp",), ("poppler-cpp",), (),
      "libpoppler-cpp-dev", None, "poppler-dev", "poppler", None, "poppler",
      "poppler", "poppler"),
    R(("poppler.h", "glib/poppler.h"), ("poppler-glib",), ("poppler-glib",), (),
      "libpoppler-glib-dev", None, "poppler-dev", None, None, "poppler",
      "poppler", None),
    # --- GNOME / desktop / system services --------------------------------
    R(("glib.h", "glib-object.h", "gio/gio.h", "glibconfig.h"), ("glib-2.0", "gobject-2.0", "gio-2.0"),
      ("glib-2.0", "gobject-2.0", "gio-2.0", "gmodule-2.0", "gthread-2.0"), (),
      "libglib2.0-dev", "glib2-devel", "glib-dev", "glib2", None, "glib", "glib", "glib"),
    R(("girepository.h", "gobject-introspection-1.0/girepository.h"), ("girepository-1.0",),
      ("gobject-introspection-1.0",), ("g-ir-scanner",),
      "libgirepository1.0-dev", "gobject-introspection-devel", "gobject-introspection-dev", "gobject-introspection",
      "gobject-introspection-devel", "gobject-introspection", "gobject-introspection", "gobject-introspection"),
    R(("dbus/dbus.h",), ("dbus-1",), ("dbus-1",), (),
      "libdbus-1-dev", "dbus-devel", "dbus-dev", "dbus", None, "dbus", "dbus", "dbus"),
    R(("systemd/sd-daemon.h", "systemd/sd-journal.h", "systemd/sd-bus.h", "systemd/sd-login.h"), ("systemd",),
      ("libsystemd",), (),
      "libsystemd-dev", "systemd-devel", None, "systemd", None, None, "libsystemd", None),
    R(("libudev.h",), ("udev",), ("libudev",), (),
      "libudev-dev", "systemd-devel", "eudev-dev", "systemd", None, None, "libudev", None),
    R(("cups/cups.h", "cups/ppd.h"), ("cups",), ("cups",), ("cups-config",),
      "libcups2-dev", None, "cups-dev", None, None, None, "libcups", None),
    R(("security/pam_appl.h", "security/pam_modules.h"), ("pam",), ("pam",), (),
      "libpam0g-dev", "pam-devel", "linux-pam-dev", None, "pam-devel", None, None, None),
    R(("fuse.h", "fuse/fuse.h"), ("fuse",), ("fuse",), (),
      "libfuse-dev", None, "fuse-dev", None, None, None, None, None),
    R(("fuse3/fuse.h", "fuse3/fuse_lowlevel.h"), ("fuse3",), ("fuse3",), (),
      "libfuse3-dev", None, "fuse3-dev", None, None, None, "libfuse", None),
    R(("libvirt/libvirt.h",), ("virt",), ("libvirt",), (),
      "libvirt-dev", None, "libvirt-dev", None, None, "libvirt", None, None),
    R(("alsa/asoundlib.h",), ("asound",), ("alsa",), (),
      "libasound2-dev", "alsa-lib-devel", "alsa-lib-dev", "alsa-lib", None, None, "alsa-lib", "alsa"),
    R(("pulse/pulseaudio.h", "pulse/simple.h"), ("pulse", "pulse-simple"), ("libpulse", "libpulse-simple"), (),
      "libpulse-dev", "pulseaudio-libs-devel", "pulseaudio-dev", "libpulse", None, "pulseaudio",
      "pulseaudio", None),
    R(("portaudio.h",), ("portaudio",), ("portaudio-2.0",), (),
      "portaudio19-dev", "portaudio-devel", "portaudio-dev", "portaudio", None, "portaudio",
      "portaudio", "portaudio"),
    # ssdeep's fuzzy hashing (python ssdeep; b14-db-crypto-net/06), ECMWF's ecCodes with its grib_api.h (pygrib <
    # 2.1; b13-sci-ml-linux/03): Debian 12's packages list the files (the other managers unchecked here)
    R(("fuzzy.h",), ("fuzzy",), (), (), "libfuzzy-dev"),
    R(("grib_api.h", "eccodes.h"), ("eccodes",), ("eccodes",), (), "libeccodes-dev"),
    # libbtrfsutil (btrfs-progs), whose Python binding on PyPI is named btrfsutil (b20-uv-poetry-pdm/03): Debian 12's
    # libbtrfsutil-dev ships /usr/include/btrfsutil.h and libbtrfsutil.pc
    R(("btrfsutil.h",), ("btrfsutil",), ("libbtrfsutil",), (), "libbtrfsutil-dev"),
    R(("sndfile.h",), ("sndfile",), ("sndfile",), (),
      "libsndfile1-dev", "libsndfile-devel", "libsndfile-dev", "libsndfile", None, "libsndfile",
      "libsndfile", "libsndfile"),
    # pybind11's C++ headers and CMake package as distributions ship them (pybind11Config.cmake, pybind11.pc): what a
    # C++ project's CMake find_package(pybind11) reads when it builds its Python bindings outside pip (GNU Radio 3.9,
    # its out-of-tree modules, psi4 plugins: b54-lib-lookups-8/09, /10); pip's pybind11 ships the same files inside
    # the Python package (python -m pybind11 --cmakedir). No header here: a missing <pybind11/...h> stays a Python
    # package's (PX096)
    R((), (), ("pybind11",), (),
      "pybind11-dev", "pybind11-devel", "py3-pybind11-dev", "pybind11", None, "pybind11", "pybind11", "pybind11"),
    # Xiph's Ogg container library (libogg), which Vorbis, Opus files and FLAC decoders look up: a FindOgg.cmake's
    # "Ogg library not found. Please set OGG_INCLUDE_DIR and OGG_LIBRARY, or install PkgConfig."
    R(("ogg/ogg.h",), ("ogg",), ("ogg",), (),
      "libogg-dev", "libogg-devel", "libogg-dev", "libogg", "libogg-devel", "libogg", "libogg", "libogg"),
    # QuantLib, whose SWIG bindings (QuantLib-Python) include <ql/quantlib.hpp>, <ql/version.hpp>
    # (b35-old-pip-longtail-6/08)
    R(("ql/quantlib.hpp", "ql/version.hpp"), ("QuantLib",), ("quantlib",), ("quantlib-config",),
      "libquantlib0-dev", "QuantLib-devel", None, None, None, "quantlib", "quantlib", "quantlib"),
    R(("opus/opus.h",), ("opus",), ("opus",), (),
      "libopus-dev", "opus-devel", "opus-dev", "opus", "libopus-devel", "opus", "libopus", "opus"),
    R(("bluetooth/bluetooth.h", "bluetooth/hci.h", "bluetooth/rfcomm.h"), ("bluetooth",), ("bluez",), (),
      "libbluetooth-dev", "bluez-libs-devel", "bluez-dev", None, None, None, None, None),
    R(("libusb-1.0/libusb.h", "libusb.h"), ("usb-1.0", "libusb-1.0"), ("libusb-1.0",), (),
      "libusb-1.0-0-dev", None, "libusb-dev", "libusb", "libusb-1_0-devel", "libusb", "libusb", "libusb"),
    R(("hidapi/hidapi.h", "hidapi.h"), ("hidapi-hidraw", "hidapi-libusb", "hidapi"),
      ("hidapi-hidraw", "hidapi-libusb", "hidapi"), (),
      "libhidapi-dev", "hidapi-devel", "hidapi-dev", "hidapi", None, "hidapi", "hidapi", "hidapi"),
    R(("pcap.h", "pcap/pcap.h"), ("pcap", "wpcap"), ("libpcap",), ("pcap-config",),
      "libpcap-dev", "libpcap-devel", "libpcap-dev", "libpcap", None, "libpcap", "libpcap", "libpcap"),
    R(("sys/acl.h", "acl/libacl.h"), ("acl",), ("libacl",), (),
      "libacl1-dev", "libacl-devel", "acl-dev", "acl", "libacl-devel", None, None, None),
    R(("attr/xattr.h", "attr/attributes.h", "attr/libattr.h"), ("attr",), ("libattr",), (),
      "libattr1-dev", "libattr-devel", "attr-dev", "attr", None, None, None, None),
    R(("sys/capability.h",), ("cap",), ("libcap",), (),
      "libcap-dev", "libcap-devel", "libcap-dev", "libcap", "libcap-devel", None, "libcap", None),
    R(("libaio.h",), ("aio",), (), (),
      "libaio-dev", "libaio-devel", "libaio-dev", "libaio", None, None, "libaio", None),
    # --- directory, auth, crypto -------------------------------------------
    R(("ldap.h", "lber.h", "ldap_cdefs.h"), ("ldap", "lber", "ldap_r"), ("ldap", "lber"), (),
      "libldap2-dev", "openldap-devel", "openldap-dev", "libldap", "openldap2-devel", "openldap", "openldap",
      "openldap"),
    R(("sasl/sasl.h",), ("sasl2",), ("libsasl2",), (),
      "libsasl2-dev", "cyrus-sasl-devel", "cyrus-sasl-dev", None, None, "cyrus-sasl",
      "cyrus-sasl", "cyrus-sasl"),
    R(("krb5.h", "krb5/krb5.h", "gssapi/gssapi.h", "gssapi/gssapi_krb5.h", "gssapi/gssapi_generic.h", "gssapi.h",
       "com_err.h"),
      ("krb5", "gssapi_krb5", "k5crypto", "com_err"), ("krb5", "krb5-gssapi", "mit-krb5", "mit-krb5-gssapi"),
      ("krb5-config",),
      "libkrb5-dev", "krb5-devel", "krb5-dev", "krb5", None, "krb5", "krb5", "krb5"),
    R(("sodium.h",), ("sodium", "libsodium"), ("libsodium",), (),
      "libsodium-dev", "libsodium-devel", "libsodium-dev", "libsodium", "libsodium-devel", "libsodium", "libsodium",
      "libsodium"),
    R(("argon2.h",), ("argon2",), ("libargon2",), (),
      "libargon2-dev", None, "argon2-dev", "argon2", None, "argon2", None, "argon2"),
    R(("secp256k1.h", "secp256k1_recovery.h"), ("secp256k1",), ("libsecp256k1",), (),
      "libsecp256k1-dev", "libsecp256k1-devel", "libsecp256k1-dev", "libsecp256k1", None,
      "secp256k1", "libsecp256k1", "secp256k1"),
    R(("gpgme.h",), ("gpgme",), ("gpgme",), (),
      "libgpgme-dev", "gpgme-devel", "gpgme-dev", "gpgme", None, "gpgme", "gpgme", "gpgme"),
    R(("gpg-error.h",), ("gpg-error",), ("gpg-error",), (),
      "libgpg-error-dev", None, "libgpg-error-dev", "libgpg-error", None,
      "libgpg-error", "libgpg-error", "libgpg-error"),
    R(("gcrypt.h",), ("gcrypt",), ("libgcrypt",), ("libgcrypt-config",),
      "libgcrypt20-dev", "libgcrypt-devel", "libgcrypt-dev", None, None, "libgcrypt",
      "libgcrypt", "libgcrypt"),
    R(("gnutls/gnutls.h",), ("gnutls",), ("gnutls",), (),
      "libgnutls28-dev", "gnutls-devel", "gnutls-dev", "gnutls", "libgnutls-devel", "gnutls", "gnutls", None),
    R(("libssh/libssh.h",), ("ssh",), ("libssh",), (),
      "libssh-dev", "libssh-devel", "libssh-dev", "libssh", None, "libssh", "libssh", "libssh"),
    R(("libssh2.h",), ("ssh2", "libssh2"), ("libssh2",), (),
      "libssh2-1-dev", "libssh2-devel", "libssh2-dev", "libssh2", None, "libssh2", "libssh2", "libssh2"),
    R(("xmlsec/xmlsec.h", "xmlsec1/xmlsec/xmlsec.h"), ("xmlsec1", "xmlsec1-openssl"), ("xmlsec1", "xmlsec1-openssl"),
      ("xmlsec1-config",),
      "libxmlsec1-dev", "xmlsec1-devel", "xmlsec-dev", None, "libxmlsec1-devel", "libxmlsec1", "xmlsec", None),
    R(("curl/curl.h",), ("curl", "libcurl"), ("libcurl",), ("curl-config",),
      "libcurl4-openssl-dev", "libcurl-devel", "curl-dev", "curl", "libcurl-devel", "curl", "libcurl", "curl"),
    R(("git2.h",), ("git2",), ("libgit2",), (),
      "libgit2-dev", "libgit2-devel", "libgit2-dev", None, "libgit2-devel", "libgit2", "libgit2", "libgit2"),
    # --- databases, caches, messaging --------------------------------------
    R(("sqlite3.h",), ("sqlite3",), ("sqlite3",), (),
      "libsqlite3-dev", "sqlite-devel", "sqlite-dev", "sqlite", "sqlite3-devel", "sqlite", "sqlite", "sqlite3"),
    R(("sql.h", "sqlext.h", "sqltypes.h"), ("odbc",), ("odbc",), (),
      "unixodbc-dev", "unixODBC-devel", "unixodbc-dev", "unixodbc", None, "unixodbc", "unixodbc", None),
    R(("sybdb.h", "sybfront.h", "sqlfront.h", "sqldb.h", "ctpublic.h"), ("sybdb",), (), (),
      "freetds-dev", None, "freetds-dev", "freetds", None, "freetds", "freetds", "freetds"),
    # PC/SC smart cards (pyscard): the headers are in /usr/include/PCSC, which builds put on -I
    R(("winscard.h", "PCSC/winscard.h", "wintypes.h", "PCSC/wintypes.h", "pcsclite.h", "PCSC/pcsclite.h"),
      ("pcsclite",), ("libpcsclite",), (),
      "libpcsclite-dev", "pcsc-lite-devel", "pcsc-lite-dev", "pcsclite", "pcsc-lite-devel", None, None, None),
    R(("libmemcached/memcached.h",), ("memcached",), ("libmemcached",), (),
      "libmemcached-dev", None, "libmemcached-dev", None,
      None, "libmemcached", "libmemcached", None),
    R(("leveldb/c.h", "leveldb/db.h"), ("leveldb",), (), (),
      "libleveldb-dev", "leveldb-devel", "leveldb-dev", "leveldb", None, "leveldb", "leveldb", "leveldb"),
    R(("rocksdb/c.h", "rocksdb/db.h"), ("rocksdb",), ("rocksdb",), (),
      "librocksdb-dev", "rocksdb-devel", "rocksdb-dev", None, None, "rocksdb", "rocksdb", "rocksdb"),
    R(("gdbm.h",), ("gdbm", "gdbm_compat"), ("gdbm",), (),
      "libgdbm-dev", None, "gdbm-dev", "gdbm", "gdbm-devel", "gdbm", "gdbm", None),
    R(("zmq.h",), ("zmq", "libzmq"), ("libzmq",), (),
      "libzmq3-dev", None, "zeromq-dev", "zeromq", "zeromq-devel", "zeromq", "zeromq", "zeromq"),
    R(("librdkafka/rdkafka.h",), ("rdkafka",), ("rdkafka",), (),
      "librdkafka-dev", "librdkafka-devel", "librdkafka-dev", "librdkafka", None, "librdkafka",
      "librdkafka", "librdkafka"),
    R(("event2/event.h", "event.h"), ("event", "event_core", "event_extra"), ("libevent", "libevent_core"), (),
      "libevent-dev", "libevent-devel", "libevent-dev", "libevent", "libevent-devel", "libevent", "libevent",
      "libevent"),
    R(("ev.h",), ("ev",), (), (),
      "libev-dev", "libev-devel", "libev-dev", "libev", None, "libev", "libev", "libev"),
    R(("uv.h",), ("uv",), ("libuv",), (),
      "libuv1-dev", "libuv-devel", "libuv-dev", "libuv", None, "libuv", "libuv", "libuv"),
    R(("maxminddb.h",), ("maxminddb",), ("libmaxminddb",), (),
      "libmaxminddb-dev", None, "libmaxminddb-dev", None, None,
      "libmaxminddb", "libmaxminddb", "libmaxminddb"),
    R(("re2/re2.h",), ("re2",), ("re2",), (),
      "libre2-dev", "re2-devel", "re2-dev", "re2", "re2-devel", "re2", "re2", "re2"),
    R(("pcre2.h",), ("pcre2-8",), ("libpcre2-8",), (),
      "libpcre2-dev", None, "pcre2-dev", None, None, "pcre2", "pcre2", "pcre2"),
    R(("yaml.h",), ("yaml",), ("yaml-0.1",), (),
      "libyaml-dev", "libyaml-devel", "yaml-dev", "libyaml", "libyaml-devel", "libyaml", "yaml", "libyaml"),
    R(("expat.h", "expat_config.h"), ("expat",), ("expat",), (),
      "libexpat1-dev", "expat-devel", "expat-dev", "expat", None, "expat", "expat", "expat"),
    R(("magic.h",), ("magic",), ("libmagic",), (),
      "libmagic-dev", "file-devel", "file-dev", "file", None, "libmagic", "libmagic", "libmagic"),
    R(("uuid/uuid.h",), ("uuid",), ("uuid",), (),
      "uuid-dev", "libuuid-devel", "util-linux-dev", "util-linux", "libuuid-devel", None, "libuuid", "libuuid"),
    R(("readline/readline.h", "readline/history.h"), ("readline", "history"), ("readline",), (),
      "libreadline-dev", "readline-devel", "readline-dev", "readline", "readline-devel", "readline", "readline",
      None),
    R(("curses.h", "ncurses.h", "term.h", "ncursesw/curses.h", "ncurses/curses.h"),
      ("ncurses", "ncursesw", "tinfo", "curses", "panel", "form", "menu"), ("ncurses", "ncursesw", "tinfo"), (),
      "libncurses-dev", "ncurses-devel", "ncurses-dev", "ncurses", "ncurses-devel", "ncurses", "ncurses", None),
    # --- science, numerics, geo ------------------------------------------
    R(("cblas.h", "openblas_config.h", "f77blas.h"), ("openblas",), ("openblas",), (),
      "libopenblas-dev", "openblas-devel", "openblas-dev", "openblas", None, "openblas", "openblas",
      "openblas"),
    R((), ("blas",), ("blas",), (),
      "libblas-dev", "blas-devel", "blas-dev", None, None, None, "libblas", None),
    R((), ("lapack",), ("lapack",), (),
      "liblapack-dev", "lapack-devel", "lapack-dev", "lapack", "lapack-devel", "lapack", "liblapack", "lapack"),
    R(("lapacke.h",), ("lapacke",), ("lapacke",), (),
      "liblapacke-dev", "lapack-devel", "lapack-dev", "lapacke", None, "lapack", "liblapacke", None),
    R((), ("atlas", "satlas", "tatlas", "f77blas", "ptf77blas"), (), (),
      "libatlas-base-dev", "atlas-devel", None, None, None, None, None, None),
    R(("fftw3.h",), ("fftw3", "fftw3f", "fftw3l", "fftw3_threads", "fftw3f_threads", "fftw3_omp"),
      ("fftw3", "fftw3f", "fftw3l"), (),
      "libfftw3-dev", "fftw-devel", "fftw-dev", "fftw", None, "fftw", "fftw", "fftw3"),
    R(("gsl/gsl_math.h", "gsl/gsl_rng.h"), ("gsl", "gslcblas"), ("gsl",), ("gsl-config",),
      "libgsl-dev", "gsl-devel", "gsl-dev", "gsl", None, "gsl", "gsl", "gsl"),
    # primesieve's Python binding compiles against the system's libprimesieve (its "primesieve.h", included in
    # quotes; live batch 15); Debian bookworm's libprimesieve-dev, Fedora's primesieve-devel
    R(("primesieve.h", "primesieve.hpp"), ("primesieve",), ("primesieve",), (),
      "libprimesieve-dev", "primesieve-devel", None, "primesieve", None, "primesieve", "primesieve", None),
    # MaxMind's legacy GeoIP C library, which GeoIP 1.3's binding includes in quotes ("GeoIP.h"; live batch 17)
    R(("GeoIP.h", "GeoIPCity.h"), ("GeoIP",), ("geoip",), (),
      "libgeoip-dev", None, None, None, None, None, None, None),
    # ImageMagick's C++ API (pkg-config Magick++), which pgmagick looks for as "Magick++" (live batch 17)
    R(("Magick++.h", "MagickWand/MagickWand.h", "MagickCore/MagickCore.h"), ("Magick++-6.Q16", "MagickWand-6.Q16"),
      ("Magick++", "ImageMagick++", "MagickWand", "MagickCore"), ("Magick++-config", "MagickWand-config"),
      "libmagick++-dev", None, None, None, None, None, None, None),
    # ZBar's barcode reader, which zbar's and zbarlight's bindings include as <zbar.h> (b25-qa-pages/02, /03)
    R(("zbar.h",), ("zbar",), ("zbar",), (),
      "libzbar-dev", None, None, None, None, None, None, None),
    R(("gmp.h", "gmpxx.h"), ("gmp", "gmpxx"), ("gmp", "gmpxx"), (),
      "libgmp-dev", "gmp-devel", "gmp-dev", "gmp", None, "gmp", "gmp", "gmp"),
    R(("mpfr.h",), ("mpfr",), ("mpfr",), (),
      "libmpfr-dev", None, "mpfr-dev", "mpfr", None, "mpfr", "mpfr", "mpfr"),
    R(("mpc.h",), ("mpc",), (), (),
      "libmpc-dev", None, "mpc1-dev", None, None, "libmpc", "mpc", "mpc"),
    R(("glpk.h",), ("glpk",), (), (),
      "libglpk-dev", "glpk-devel", "glpk-dev", "glpk", None, "glpk", "glpk", "glpk"),
    R(("cholmod.h", "suitesparse/cholmod.h", "umfpack.h", "suitesparse/umfpack.h", "SuiteSparse_config.h",
       "suitesparse/SuiteSparse_config.h"),
      ("cholmod", "umfpack", "amd", "colamd", "suitesparseconfig"), ("CHOLMOD", "UMFPACK"), (),
      "libsuitesparse-dev", "suitesparse-devel", "suitesparse-dev", "suitesparse", "suitesparse-devel",
      "suite-sparse", "suitesparse", "suitesparse"),
    R(("mpi.h",), ("mpi",), ("ompi", "ompi-c"), ("mpicc", "mpirun", "mpiexec"),
      "libopenmpi-dev openmpi-bin", None, "openmpi-dev", None, None, "open-mpi", "openmpi", None),
    R(("omp.h",), ("omp", "gomp", "iomp5"), (), (),
      "libomp-dev", "libomp-devel", "openmp-dev", "openmp", None, "libomp", "llvm-openmp", None),
    # Subversion's libraries (subvertpy, pysvn): headers under /usr/include/subversion-1 (libsvn-dev's Contents)
    R(("subversion-1/svn_client.h", "subversion-1/svn_version.h", "svn_client.h", "svn_version.h"),
      ("svn_client-1", "svn_subr-1", "svn_ra-1", "svn_repos-1"), ("libsvn_client", "libsvn_subr"), (),
      "libsvn-dev", "subversion-devel", "subversion-dev", "subversion", "subversion-devel", "subversion", None, None),
    # HDF4 (pyhdf / python-hdf4): Debian installs its headers under /usr/include/hdf (libhdf4-dev's Contents),
    # which pyhdf's setup.py adds to the include path, so the compiler names the bare hdf.h / mfhdf.h
    # LibRaw (rawpy): its headers in /usr/include/libraw, which rawpy's setup.py adds from pkg-config
    R(("libraw/libraw.h", "libraw/libraw_version.h", "libraw.h", "libraw_version.h"), ("raw", "raw_r"),
      ("libraw", "libraw_r"), (),
      "libraw-dev", "LibRaw-devel", "libraw-dev", "libraw", "libraw-devel", "libraw", "libraw", "libraw"),
    # Slurm's client library (pyslurm): Debian's libslurm-dev installs slurm/slurm.h and libslurm.so (Debian 12's
    # package index); Fedora's and openSUSE's slurm-devel
    R(("slurm/slurm.h", "slurm/slurm_errno.h"), ("slurm",), (), (),
      "libslurm-dev", "slurm-devel", None, None, "slurm-devel", None, None, None),
    R(("hdf.h", "mfhdf.h", "hdf/hdf.h", "hdf/mfhdf.h"), ("mfhdf", "df"), (), (),
      "libhdf4-dev", "hdf-devel", None, None, None, None, "hdf4", None),
    R(("hdf5.h", "H5public.h", "hdf5/serial/hdf5.h"), ("hdf5", "hdf5_hl", "hdf5_serial", "hdf5_serial_hl"),
      ("hdf5", "hdf5-serial"), (),
      "libhdf5-dev", "hdf5-devel", "hdf5-dev", "hdf5", None, "hdf5", "hdf5", "hdf5"),
    # Qt 5's development files and qmake (PyQt5 and sip builds query qmake): Debian's qtbase5-dev pulls qt5-qmake
    R((), ("Qt5Core",), ("Qt5Core",), ("qmake", "qmake-qt5"),
      "qtbase5-dev", "qt5-qtbase-devel", "qt5-qtbase-dev", "qt5-base", "libqt5-qtbase-devel", "qt@5", None, None),
    # Apache httpd's development files and apxs (mod_wsgi)
    R(("httpd.h",), (), (), ("apxs", "apxs2"),
      "apache2-dev", "httpd-devel", "apache2-dev", "apache", "apache2-devel", "httpd", None, None),
    # Berkeley DB (bsddb3, pybsddb): Debian's libdb-dev (libdb5.3-dev), Fedora's libdb-devel, Alpine's db-dev
    R(("db.h",), ("db",), (), (),
      "libdb-dev", "libdb-devel", "db-dev", None, None, "berkeley-db", "libdb", None),
    # netCDF's Fortran interface, whose module file a Fortran source's "use netcdf" reads (netcdf.mod; gfortran's
    # "Cannot open module file 'netcdf.mod' for reading": PAMTRA, b54-domain-science/13)
    R(("netcdf.mod", "netcdf.inc"), ("netcdff",), ("netcdf-fortran",), ("nf-config",),
      "libnetcdff-dev", "netcdf-fortran-devel", None, "netcdf-fortran", None, "netcdf-fortran", "netcdf-fortran", None),
    R(("netcdf.h",), ("netcdf",), ("netcdf",), ("nc-config",),
      "libnetcdf-dev", None, "netcdf-dev", "netcdf", None, "netcdf", "libnetcdf", "netcdf-c"),
    R(("fitsio.h",), ("cfitsio",), ("cfitsio",), (),
      "libcfitsio-dev", None, "cfitsio-dev", None, None, "cfitsio", "cfitsio", "cfitsio"),
    R(("gdal.h", "gdal_version.h", "cpl_conv.h", "ogr_api.h", "ogr_srs_api.h"), ("gdal",), ("gdal",),
      ("gdal-config",),
      "libgdal-dev", "gdal-devel", "gdal-dev", "gdal", "gdal-devel", "gdal", "libgdal", "gdal"),
    R(("geos_c.h",), ("geos_c", "geos"), ("geos",), ("geos-config",),
      "libgeos-dev", "geos-devel", "geos-dev", "geos", None, "geos", "geos", "geos"),
    R(("proj.h", "proj_api.h"), ("proj",), ("proj",), (),
      "libproj-dev", "proj-devel", "proj-dev", "proj", None, "proj", "proj", "proj"),
    R((), (), (), ("proj",),
      "proj-bin", None, "proj-util", "proj", "proj", "proj", "proj", None),
    R(("spatialindex/capi/sidx_api.h", "spatialindex/SpatialIndex.h"), ("spatialindex_c", "spatialindex"),
      ("libspatialindex",), (),
      "libspatialindex-dev", "spatialindex-devel", "libspatialindex-dev", "spatialindex", None,
      "spatialindex", "libspatialindex", "libspatialindex"),
    R(("graphviz/cgraph.h", "graphviz/gvc.h", "graphviz/cdt.h"), ("cgraph", "gvc", "cdt"),
      ("libcgraph", "libgvc", "libcdt"), (),
      "libgraphviz-dev", "graphviz-devel", "graphviz-dev", "graphviz", None, "graphviz", "graphviz",
      "graphviz"),
    # Google's sparsehash, headers without an extension (torchsparse's hashmap, b39-cpp-cuda-ext-3/19)
    R(("google/dense_hash_map", "google/sparse_hash_map", "sparsehash/dense_hash_map", "sparsehash/sparse_hash_map"),
      (), ("libsparsehash",), (),
      "libsparsehash-dev", "sparsehash-devel", "sparsehash", "sparsehash", "sparsehash-devel", "google-sparsehash",
      "sparsehash", "sparsehash"),
    # the CUDA runtime's headers (a CUDA extension's sources include them; cudarray's Cython wrapper in quotes,
    # b44-cpp-cuda-ext-7/11): Debian's non-free nvidia-cuda-dev installs them in /usr/include (bookworm's
    # non-free Contents-amd64), conda-forge's cuda-cudart-dev, Arch's cuda; Fedora and Homebrew ship no CUDA
    R(("cuda_runtime.h", "cuda_runtime_api.h", "driver_types.h", "vector_types.h", "host_defines.h",
       "device_launch_parameters.h", "cuda_fp16.h", "cuda_bf16.h"), ("cudart",), (), (),
      "nvidia-cuda-dev", None, None, "cuda", None, None, "cuda-cudart-dev", None),
    # the C++ standard library's headers (the extensionless files of /usr/include/c++/12 in Debian 12's
    # libstdc++-12-dev): on Linux, missing for a g++ without its libstdc++ development package, or for a clang++ that
    # picks the newest GCC installed, whose libstdc++-NN-dev is not (Ubuntu 22.04, b71-robotics-1/14; ROCm's clang,
    # b16-gpu-hpc/20). Debian's and Ubuntu's package is versioned like that GCC (libstdc++-12-dev): g++ brings the
    # default GCC's, and the fix names the other case (rules/headers.py); macOS is a ruling's (the SDK's libc++, a
    # deployment target that selects the removed libstdc++)
    R(CXX_STANDARD_HEADERS, (), (), (), "g++", "libstdc++-devel", "libstdc++-dev", "gcc", "libstdc++-devel", None,
      None, None),
    # Eigen's module headers, which have no extension (the Eigen/ directory of Debian's libeigen3-dev 3.4.0-4:
    # "'Eigen/Eigen' file not found" from pupil-detectors, b70-sci-apps-1/22), also under eigen3/
    R(tuple(prefix + "Eigen/" + module for prefix in ("", "eigen3/") for module in (
        "Cholesky", "CholmodSupport", "Core", "Dense", "Eigen", "Eigenvalues", "Geometry", "Householder",
        "IterativeLinearSolvers", "Jacobi", "KLUSupport", "LU", "MetisSupport", "OrderingMethods", "PaStiXSupport",
        "PardisoSupport", "QR", "QtAlignedMalloc", "SPQRSupport", "SVD", "Sparse", "SparseCholesky", "SparseCore",
        "SparseLU", "SparseQR", "StdDeque", "StdList", "StdVector", "SuperLUSupport", "UmfPackSupport")),
      (), ("eigen3",), (),
      "libeigen3-dev", "eigen3-devel", "eigen-dev", "eigen", "eigen3-devel", "eigen", "eigen", "eigen3"),
    R(("boost/version.hpp", "boost/config.hpp", "boost/shared_ptr.hpp"), ("boost_system", "boost_filesystem",
                                                                           "boost_thread"), (), (),
      "libboost-dev", "boost-devel", "boost-dev", "boost", None, "boost", "libboost-devel", "boost"),
    R(("boost/python.hpp", "boost/python/module.hpp"), ("boost_python", "boost_python3", "boost_numpy3"), (), (),
      "libboost-python-dev", "boost-python3-devel", "boost-dev boost-python3", "boost", None, "boost-python3",
      "libboost-python-devel", "boost-python"),
    # --- build tools ------------------------------------------------------
    R((), (), ("pkg-config", "pkgconf"), ("pkg-config", "pkgconf"),
      "pkg-config", None, "pkgconf", "pkgconf", "pkg-config", "pkgconf", "pkg-config", "pkgconf"),
    R((), (), (), ("cmake",),
      "cmake", "cmake", "cmake", "cmake", "cmake", "cmake", "cmake", None),
    R((), (), (), ("ninja", "ninja-build"),
      "ninja-build", "ninja-build", "samurai", "ninja", None, "ninja", "ninja", None),
    R((), (), (), ("meson",),
      "meson", "meson", "meson", "meson", "meson", "meson", "meson", None),
    R((), (), (), ("swig", "swig4.0", "swig3.0"),
      "swig", "swig", "swig", "swig", None, "swig", "swig", None),
    R((), (), (), ("make", "gmake"),
      "make", "make", "make", "make", "make", "make", "make", None),
    R((), (), (), ("autoconf", "autoreconf", "autoheader"),
      "autoconf", "autoconf", "autoconf", "autoconf", "autoconf", "autoconf", "autoconf", None),
    R((), (), (), ("automake", "aclocal"),
      "automake", "automake", "automake", "automake", "automake", "automake", "automake", None),
    R((), (), (), ("libtoolize", "glibtoolize"),
      "libtool", "libtool", "libtool", "libtool", "libtool", "libtool", "libtool", None),
    R((), (), (), ("libtool", "glibtool"),
      "libtool-bin", "libtool", "libtool", "libtool", "libtool", "libtool", "libtool", None),
    R((), (), (), ("bison", "yacc"),
      "bison", "bison", "bison", "bison", None, "bison", "bison", None),
    R((), ("fl",), (), ("flex", "lex"),
      "flex", "flex", "flex", "flex", "flex", "flex", "flex", None),
    R((), ("gfortran",), (), ("gfortran", "f95", "f77"),
      "gfortran", "gcc-gfortran", "gfortran", "gcc-fortran", None, "gcc", "gfortran", None),
    R((), (), (), ("ar", "ranlib", "ld"),
      "binutils", "binutils", "binutils", "binutils", "binutils", "binutils", "binutils", None),
    R(("clang-c/Index.h",), ("clang",), (), (),
      "libclang-dev", "clang-devel", "clang-dev", "clang", "clang-devel", "llvm", "libclang", None),
    R((), (), (), ("go",),
      "golang-go", "golang", "go", "go", "go", "go", "go", None),
    R((), (), (), ("nasm",),
      "nasm", "nasm", "nasm", "nasm", "nasm", "nasm", "nasm", None),
    R((), (), (), ("yasm",),
      "yasm", "yasm", "yasm", "yasm", None, "yasm", "yasm", None),
    R((), (), (), ("patchelf",),
      "patchelf", "patchelf", "patchelf", "patchelf", "patchelf", "patchelf", "patchelf", None),
    # the JDK's JNI headers, which JVM bridges compile against (python-javabridge's _javabridge.c includes "jni.h",
    # b68-app-trackers-4/08; pyjnius, b34-old-pip-longtail-5): Debian 12's default-jdk-headless ships them (through
    # openjdk-17-jdk-headless, read in it) under /usr/lib/jvm/*/include, which a build finds through JAVA_HOME
    R(("jni.h", "jni_md.h"), ("jvm",), (), (),
      "default-jdk-headless", "java-17-openjdk-devel", "openjdk17-jdk", "jdk-openjdk", None, "openjdk", "openjdk", None),
    # AppStream, whose metainfo.its lets msgfmt merge translations into .metainfo.xml files (Debian 12's appstream
    # package, read in it; other managers' names left to a search hint)
    R((), (), (), ("appstream", "appstreamcli"),
      "appstream", None, None, None, None, None, None, None),
    # Texinfo's makeinfo (texi2any): the texinfo package (Debian, Fedora, Alpine, Arch, Homebrew; openSUSE splits
    # makeinfo off, left to a search hint)
    R((), (), (), ("makeinfo", "texi2any"),
      "texinfo", "texinfo", "texinfo", "texinfo", None, "texinfo", None, None),
    # Boost.Build, which libtorrent's Python bindings' setup.py runs (b2 ... install_module): Debian 12's
    # libboost-tools-dev ships /usr/bin/b2 and bjam (read from its package); other managers' names unverified here
    R((), (), (), ("b2", "bjam"),
      "libboost-tools-dev", None, None, None, None, None, None, None),
    R(("google/protobuf/message.h",), ("protobuf",), ("protobuf",), ("protoc",),
      "protobuf-compiler libprotobuf-dev", "protobuf-compiler protobuf-devel", "protobuf-dev", "protobuf",
      "protobuf-devel", "protobuf", "libprotobuf", "protobuf"),
    R((), (), (), ("git",),
      "git", "git", "git", "git", "git", "git", "git", None),
    R((), (), (), ("msgfmt", "xgettext"),
      "gettext", "gettext", "gettext", "gettext", None, "gettext", "gettext", None),
)
# fmt: on
del R

# The *.lib file names the MSVC linker reports for the same libraries
# (LNK1181 "cannot open input file 'libssl.lib'"): handled by _lib_key().

_HEADERS: Dict[str, Row] = {}
_BASENAMES: Dict[str, List[Row]] = {}
_HEADERS_LOWER: Dict[str, Row] = {}  # the same, by lower-cased path: callers that fold case (GeoIP.h -> geoip.h)
_LIBS: Dict[str, Row] = {}
_PC: Dict[str, Row] = {}
_TOOLS: Dict[str, Row] = {}


def _index() -> None:
    for row in ROWS:
        for h in row.headers:
            _HEADERS.setdefault(h, row)
            _HEADERS_LOWER.setdefault(h.lower(), row)
            base = _BASENAMES.setdefault(h.rsplit("/", 1)[-1], [])
            if row not in base:
                base.append(row)
        for name in row.libs:
            _LIBS.setdefault(name.lower(), row)
        for name in row.pc:
            _PC.setdefault(name.lower(), row)
        for name in row.tools:
            _TOOLS.setdefault(name.lower(), row)


_index()


def _as_dict(row: Optional[Row]) -> Optional[Dict[str, Optional[str]]]:
    if row is None:
        return None
    table = {m: getattr(row, m) for m in MANAGERS}
    table["yum"] = table["dnf"]
    return table


def row_for_header(header: str) -> Optional[Row]:
    header = header.strip().strip("<>\"'").replace("\\", "/")
    while header.startswith("./"):
        header = header[2:]
    row = _HEADERS.get(header) or _HEADERS_LOWER.get(header.lower())
    if row is None:
        # a path we do not know as such: fall back on its basename when only
        # one row ships a header of that name, and the path asked for ends
        # with that row's path ("libxml2/libxml/parser.h") or has no
        # directory; under another directory it is another project's header
        # (tree-sitter's generated "tree_sitter/parser.h" is not libxml2's
        # "libxml/parser.h")
        base = header.rsplit("/", 1)[-1]
        rows = _BASENAMES.get(base, [])
        row = rows[0] if len(rows) == 1 else None
        if row is not None and "/" in header and not any(
                header.lower().endswith("/" + h.lower()) for h in row.headers if h.rsplit("/", 1)[-1] == base):
            row = None
    return row


_DEBIAN_CASE: Optional[Dict[str, str]] = None  # lower-cased header -> the header as Debian spells it


def _debian_header(name: str) -> Optional[str]:
    """``name`` as Debian's index spells it, or None: the exact spelling first (lbfgs.h and LBFGS.h are two
    libraries'), then a caller's folded case (geoip.h -> GeoIP.h)."""
    global _DEBIAN_CASE
    from pip_explain.enrich._debian_headers import HEADERS

    if name in HEADERS:
        return name
    if _DEBIAN_CASE is None:
        _DEBIAN_CASE = {h.lower(): h for h in sorted(HEADERS)}  # lower-case spellings sort last: they win
    return _DEBIAN_CASE.get(name.lower())


def debian_package_for_header(header: str) -> Optional[str]:
    """The Debian development package that installs ``header`` straight into /usr/include and is named
    after it (``GeoIP.h`` -> libgeoip-dev), from Debian's Contents index (enrich/_debian_headers.py,
    generated by scripts/debian_headers.py); None for a header with a directory or one Debian does not
    ship under its own name. The hand-checked rows above come first: this fills their gaps."""
    header = header.strip().strip("<>\"'").replace("\\", "/")
    while header.startswith("./"):
        header = header[2:]
    if "/" in header:
        return None
    spelled = _debian_header(header)
    if spelled is None:
        return None
    from pip_explain.enrich._debian_headers import HEADERS

    return HEADERS[spelled]


def debian_header_for_library(name: str) -> Optional[str]:
    """The header a library named ``name`` installs under its own name, by Debian's index: FANN -> fann.h
    (libfann-dev), libdmtx -> dmtx.h. None when Debian has no such header."""
    name = name.strip().lower()
    for stem in (name, name[3:] if name.startswith("lib") and len(name) > 5 else ""):
        if stem and re.fullmatch(r"[a-z0-9][\w+.-]{1,60}", stem):
            header = _debian_header(stem + ".h")
            if header is not None:
                return header
    return None


def library_ships_header(header: str) -> bool:
    """A library ships ``header``: a row of the table, or Debian's index under the library's own name."""
    return row_for_header(header) is not None or debian_package_for_header(header) is not None


def _lib_key(name: str) -> str:
    name = name.strip().strip("'\"`").replace("\\", "/").rsplit("/", 1)[-1].lower()
    if name.startswith("-l"):
        name = name[2:]
    for suffix in (".lib", ".dll.a", ".a", ".dylib", ".tbd", ".dll"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
            break
    if ".so" in name:  # libssl.so, libssl.so.3
        name = name.split(".so", 1)[0]
    return name


def row_for_library(name: str) -> Optional[Row]:
    key = _lib_key(name)
    row = _LIBS.get(key)
    if row is None and key.startswith("lib") and len(key) > 3:
        row = _LIBS.get(key[3:])  # libssl.so -> ssl; ssl.lib and libssl.lib both occur on Windows
    return row


def row_for_pkgconfig(name: str) -> Optional[Row]:
    key = name.strip().strip("'\"`").lower()
    for sep in (">=", "<=", "==", "=", ">", "<", " "):  # "libffi >= 3.0"
        key = key.split(sep, 1)[0]
    return _PC.get(key.strip())


def row_for_tool(program: str) -> Optional[Row]:
    key = program.strip().strip("'\"`").replace("\\", "/").rsplit("/", 1)[-1].lower()
    if key.endswith(".exe"):
        key = key[:-4]
    row = _TOOLS.get(key)
    # a cross tool's name: aarch64-linux-android-ar, x86_64-w64-mingw32-gcc
    while row is None and "-" in key:
        key = key.split("-", 1)[1]
        row = _TOOLS.get(key)
    return row


def packages_for_header(header: str) -> Optional[Dict[str, Optional[str]]]:
    """{manager: package} for a header, or None when the table does not know it."""
    return _as_dict(row_for_header(header))


def packages_for_library(name: str) -> Optional[Dict[str, Optional[str]]]:
    """{manager: package} for a linker library: ``ssl``, ``-lssl``, ``libssl.so``, ``ssl.lib``."""
    return _as_dict(row_for_library(name))


def packages_for_pkgconfig(name: str) -> Optional[Dict[str, Optional[str]]]:
    """{manager: package} for a pkg-config module (``libffi``, ``cairo``, ``mysqlclient``)."""
    return _as_dict(row_for_pkgconfig(name))


def packages_for_tool(program: str) -> Optional[Dict[str, Optional[str]]]:
    """{manager: package} for a program: ``pg_config``, ``cmake``, ``swig``, ``gfortran``..."""
    return _as_dict(row_for_tool(program))


def known_headers() -> List[str]:
    return sorted(_HEADERS)


def known_libraries() -> List[str]:
    return sorted(_LIBS)


def known_pkgconfig() -> List[str]:
    return sorted(_PC)


def known_tools() -> List[str]:
    return sorted(_TOOLS)
