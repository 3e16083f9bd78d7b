"""The machine, not the package: out of memory or disk (PX060), a download
during the build failed (PX061)."""
from pip_explain.enrich.fixes import Context
from pip_explain.model import Fix, Pattern, Rule
from pip_explain.rules import _messages as _msg
from pip_explain.rules._shapes import is_c_compiler, is_cxx_compiler

_MEMORY, _DISK = "memory", "disk space"


def _wordings(message: str):
    """(regex fragment, needle) of every wording of a generated message, English included."""
    return tuple((fragment, needle) for _text, fragment, needle, _langs in _msg.MESSAGES[message])


# glibc's strsignal(SIGKILL) in every language of its catalogue ("Killed", pt "Morto", de "Getötet"): gcc
# prints it when the OOM killer ends its compiler proper, in the user's locale
_KILLED = "(?:%s)" % "|".join(fragment for fragment, _ in _wordings("libc.SIGKILL"))
_ICE = "(?:%s)" % "|".join(fragment for fragment, _ in _wordings("gcc.internal_error"))


def _compiler_killed() -> tuple:
    """gcc's driver when cc1/cc1plus died of SIGKILL: gcc >= 8 "fatal error: Killed signal terminated program
    cc1plus" ("%s signal terminated program %s", translated in gcc's catalogue too), older gcc "internal
    compiler error: Killed (program cc1plus)" ("%s (program %s)", which no catalogue translates)."""
    return tuple(
        Pattern(needle, fragment.format(_KILLED, r"\S{1,200}"), detail=_MEMORY)
        for fragment, needle in _wordings("gcc.signal_terminated")
    ) + (Pattern("(program ", r"%s\s?%s \(program " % (_ICE, _KILLED), detail=_MEMORY),
         # gcc before 4.5 (gcc.c's fatal_ice, "Internal error: %s (program %s)\nPlease submit a full bug report."):
         # "gcc: Internal error: Killed (program cc1)" (CentOS 6's gcc 4.4 building cryptography, b70-ops-tools-1/18)
         Pattern("internal error: ", r"\bInternal error: %s \(program " % _KILLED, detail=_MEMORY)) + tuple(
        # collect2 when the linker died of SIGKILL: "collect2: fatal error: ld terminated with signal 9 [Killed]"
        # ("%s terminated with signal %d [%s]%s", translated: de "ld mit Signal 9 [Getötet] beendet")
        Pattern(needle, fragment.format(r"\S{1,200}", "9", r"[^\]\n]{1,80}", ""), detail=_MEMORY)
        for fragment, needle in _wordings("gcc.terminated_with_signal")
    )


def _resources_fix(ctx: Context):
    if ctx.detail == _DISK:
        return (
            Fix("df -h \"${TMPDIR:-/tmp}\" .", "free space where pip builds (TMPDIR) and where it installs"),
            Fix("", "or point TMPDIR at a larger disk for this install, e.g. TMPDIR=$HOME/tmp pip install ..."),
            Fix("pip cache purge", "pip's cache can be large"),
        )
    return (
        Fix("MAKEFLAGS=-j1 CMAKE_BUILD_PARALLEL_LEVEL=1 MAX_JOBS=1 pip install ...",
            "build with one compiler at a time (each parallel job needs its own memory)"),
        Fix("", "or give the machine or container more memory or swap; prefer a version with a wheel for"
                " your platform, which needs no compiling at all"),
    )


RESOURCES = Rule(
    code="PX060",
    cause="resources",
    title="The build ran out of {detail}",
    summary="Building {package} ran out of {detail}: the compiler or the build was killed or could not write.",
    patterns=(
        # gcc: "gcc: fatal error: Killed signal terminated program cc1plus", "internal compiler error: Killed
        # (program cc1plus)", in any language of glibc's and gcc's catalogues
        *_compiler_killed(),
        Pattern("out of memory allocating", r"out of memory allocating \d+ bytes", detail=_MEMORY),
        Pattern("virtual memory exhausted", r"virtual memory exhausted", detail=_MEMORY),
        Pattern("cannot allocate memory", r"\[Errno 12\] Cannot allocate memory", detail=_MEMORY),
        Pattern("llvm error: out of memory", r"LLVM ERROR: out of memory", detail=_MEMORY),
        Pattern("memory allocation of", r"memory allocation of \d+ bytes failed", detail=_MEMORY),
        # MSVC: C1060 "compiler is out of heap space", C1002, LNK1102
        Pattern("out of heap space", r"(?:C1060|C1002|C3859|C1076)\b.{0,40}(?:heap|memory)", detail=_MEMORY),
        Pattern("lnk1102", r"LNK1102: out of memory", detail=_MEMORY),
        # setuptools: "error: command '/usr/bin/gcc' terminated by signal 9"; cargo: "(signal: 9, SIGKILL: kill)"
        Pattern("terminated by signal 9", r"terminated by signal 9\b", detail=_MEMORY),
        Pattern("sigkill", r"\(signal: 9, SIGKILL: kill\)", detail=_MEMORY),
        # nvcc when one of the programs it drives was killed: "nvcc error   : 'cicc' died due to signal 9 (Kill
        # signal)" (apex, b19-ml-cuda/14; flash-attention and FlashInfer builds), also cudafe++ and ptxas
        Pattern("died due to signal 9", r"\bnvcc error\s{0,8}: ['\"]\S{0,200}?(?:cicc|cudafe\+\+|ptxas|nvlink)['\"]{0,2} died"
                r" due to signal 9\b", detail=_MEMORY),
        # pip < 20 (call_subprocess): 'Command "..." failed with error code -9 in /tmp/pip-...' -- a negative
        # return code is the signal that killed setup.py (gevent on a Raspberry Pi, Cython on a Rascal board,
        # jieba); signal 9 is SIGKILL, the kernel's OOM killer
        Pattern("failed with error code -9", r"failed with error code -9 in ", detail=_MEMORY),
        # distutils >= CPython 3.9 / setuptools (spawn.py: subprocess's returncode in "command %r failed with
        # exit code %s"): -9 is a compiler killed by SIGKILL -- only a compiler's, another program's -9 says
        # nothing about memory
        Pattern("failed with exit code -9", r"command [\"'](?P<d>[^\"'\n]{1,300})[\"'] failed with exit code -9\b",
                accept=lambda d: is_c_compiler(d) or is_cxx_compiler(d), clean=lambda d: _MEMORY),
        Pattern("no space left on device", r"No space left on device", detail=_DISK),
        Pattern("not enough space on the disk", r"There is not enough space on the disk", detail=_DISK),
        # ninja >= 1.12's "FAILED: [code=137] <target>": the shell it runs each command through returns 128 + the
        # signal, 137 for SIGKILL (a Cython step of pandas on a Raspberry Pi, b21-arm-sbc/06); weak like "Killed"
        Pattern("failed: [code=137]", r"^\s*FAILED: \[code=137\] ", detail=_MEMORY, weak=True),
        # a bare "Killed" from the shell: likely the OOM killer, but only a hint
        Pattern("killed", r"^\s*Killed\s*$", detail=_MEMORY, weak=True),
    ),
    fix=_resources_fix,
    verify=lambda ctx: (("df -h \"${TMPDIR:-/tmp}\"",) if ctx.detail == _DISK else ("free -h",)),
    why="Compiling large C++ or Rust code can take several GB per compiler process, and builds run several in"
    " parallel; containers and CI runners with small memory limits get their compiler killed (the kernel's"
    " OOM killer sends SIGKILL, signal 9). pip also unpacks and builds in TMPDIR, often a small tmpfs.",
    prevent="Give build machines enough memory and disk, limit parallel jobs, or use wheels.",
    examples=(
        "gcc: fatal error: Killed signal terminated program cc1plus",
        "c++: internal compiler error: Killed (program cc1plus)",
        "    c++: internal compiler error: Morto (program cc1plus)",
        "Compile failed: command '/data/data/com.termux/files/usr/bin/aarch64-linux-android-clang' failed with"
        " exit code -9",
        "error: command '/usr/bin/gcc' failed with exit code -9",
        "cc1plus: out of memory allocating 65536 bytes after a total of 1234567890 bytes",
        "virtual memory exhausted: Cannot allocate memory",
        "error: command '/usr/bin/gcc' terminated by signal 9",
        "  nvcc error   : 'cicc' died due to signal 9 (Kill signal)",
        "nvcc error : '\"$CICC_PATH/cicc\"' died due to signal 9 (Kill signal)",
        "Command python setup.py egg_info failed with error code -9 in /home/root/build/cython",
        "x.cpp(12): fatal error C1060: compiler is out of heap space",
        "OSError: [Errno 28] No space left on device",
        "fatal error: error writing to /tmp/ccAbCdEf.s: No space left on device",
    ),
    counter_examples=("error: command '/usr/bin/gcc' failed with exit code 1",
                      "error: command '/usr/bin/gcc' failed with exit code -90",
                      "error: command '/usr/bin/cmake' failed with exit code -9",
                      "gcc: internal compiler error: Segmentation fault (program cc1)",
                      "Command \"python setup.py egg_info\" failed with error code 1 in /tmp/pip-build-x/foo/"),
)


def _network_fix(ctx: Context):
    return (
        Fix("", "check the connection, proxy (HTTPS_PROXY) and certificates (PIP_CERT / REQUESTS_CA_BUNDLE) of"
                " this machine: the build itself downloads something"),
        Fix("", "or make the download unnecessary: pre-install the build requirements and use"
                " --no-build-isolation, or vendor the sources the build fetches (e.g. `cargo vendor`)"),
    )


# Connection failures, as Python (urllib3/requests/pip), curl/git, cargo and CMake word them.
NETWORK = Rule(
    code="PX061",
    cause="network",
    title="A download during the build failed",
    summary="Building {package} needed to download something (build requirements, crates, sources) and the"
    " connection failed.",
    # the build's verdict on its own downloads, after a lookup or connection error it printed: "RuntimeError: All
    # attempts to download latest parasail master have failed" (parasail's setup.py, ten tries), "Version 2.37.0
    # cannot be downloaded. Connection to GitHub failed." (cmdstanpy under prophet's build), "Error while downloading
    # clidriver from the following URL" (ibm_db): live batches 16 and 17; CMake's FetchContent / ExternalProject
    # after git's own errors, "Failed to clone repository: 'https://github.com/pybind/pybind11.git'" (pypims on
    # Windows, b38-cpp-cuda-ext-2/17). Not a download it goes past ("falling back",
    # "skipping", "will retry")
    confirmed_by=r"^(?![^\n]{0,300}\b(?:fall(?:ing)? ?back|skipping|will retry|retrying|trying again|instead)\b)[^\n]{0,300}(?:"
    r"\b(?:download(?:ing|s)?|fetch(?:ing)?)\b[^\n]{0,120}\b(?:have|has)? ?failed\b|\bcannot be downloaded\b|"
    r"\bconnection to [\w.-]{1,60} failed\b|\b(?:failed|unable) to (?:download|fetch|clone repository)\b|\bcould not download\b|"
    r"\berror while downloading\b|"
    # cargo's verdict after its "spurious network error" retries: "error: Unable to update registry `crates-io`"
    # (cryptography's build_rust under ESPHome's PlatformIO, the paste cut at "Caused by:", b69-app-trackers-6/03)
    r"\bunable to update registry `)",
    patterns=(
        # pip giving up on an index page ("Could not fetch URL %s: %s - skipping", index/collector.py), and old
        # setuptools' easy_install fetching setup_requires ("Download error on %s: %s -- Some packages may not
        # be found!", package_index.py): lookups another index or link may still answer, so probes (listed before
        # the weak wordings, which their lines also contain)
        Pattern("could not fetch url", r"Could not fetch URL \S{1,2000}: (?:There was a problem confirming the ssl"
                r" certificate|connection error|timed out)", probe=True),
        Pattern("download error", r"Download error (?:on|for) https?://\S{1,2000}: ", probe=True),
        # a download that came back empty: CMake's hash check of it, "actual: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b
        # 934ca495991b7852b855'", is SHA-256 of nothing (k2's pybind11 download on a cluster node without network,
        # b39-cpp-cuda-ext-3/04); MD5's d41d8cd98f00b204e9800998ecf8427e likewise (URL_MD5)
        Pattern("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                r"\bactual: ['\"]?e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\b"),
        Pattern("d41d8cd98f00b204e9800998ecf8427e", r"\bactual: ['\"]?d41d8cd98f00b204e9800998ecf8427e\b"),
        # curl's own error for a transfer that failed (its CURLE code and curl_easy_strerror text): "curl: (52) Empty
        # reply from server" before CMake's "Could not download https://bitbucket.org/..." (pybinding's Eigen download,
        # b39-cpp-cuda-ext-3/09); 6 resolve, 7 connect, 28 timeout, 35 TLS, 52 empty reply, 56 receive, 60 certificate
        Pattern("curl: (", r"^\W{0,8}curl: \((?:5|6|7|28|35|52|56|60)\) \w"),
        # a setup script's own verdict on a download of its own, with the URL: dynet's "error: Could not download Eigen
        # from 'https://bitbucket.org/eigen/eigen/get/699b6595fc47.zip'" (b43-win-mac-2014-20-d/14); weak: the
        # server's own answer, when the log shows it (a 404), says more
        Pattern("download", r"\b(?:could not|couldn't|unable to|failed to) download [^\n]{1,120}? from ['\"]?https?://", weak=True),
        # git's own verdict on a fetch that could not connect (its http transport, libcurl's error text): "fatal: unable
        # to access 'https://github.com/pybind/pybind11.git/': Recv failure: Connection was reset" / "Failed to connect
        # to github.com port 443 after 21054 ms: Couldn't connect to server" (CMake's FetchContent cloning pybind11,
        # pypims on Windows, b38-cpp-cuda-ext-2/17): a connection failure, whatever the build says next (listed
        # before the weak wordings, which its lines also contain)
        Pattern("unable to access", r"fatal: unable to access '[^'\n]{1,2000}': (?:Recv failure|Failed to connect to|"
                r"Could(?:n't| not) resolve (?:host|proxy)|Connection timed out|Operation timed out|Connection refused|"
                r"SSL connect error|gnutls_handshake\(\) failed|OpenSSL SSL_(?:connect|read))"),
        # ... and a clone or fetch whose pack stream broke off: index-pack's "fatal: early EOF" (git's
        # builtin/index-pack.c, die(_("early EOF"))) after "The remote end hung up unexpectedly" (ANTsPy cloning ITK,
        # b45-cpp-cuda-ext-8/23), fetch-pack's "unexpected disconnect while reading sideband packet", and
        # remote-curl's "error: RPC failed; curl 56 ..." (git's remote-curl.c "RPC failed; %s"; not curl 22, an HTTP error
        # status the server answered). (A server that
        # refused the request says "remote error:" and hangs up without them: whispercpp's "not our ref",
        # b18-net-res/05)
        Pattern("early eof", r"^\s*fatal: early EOF\s*$"),
        # pip 1.x's words when its index answered nothing (pip/index.py: "Cannot fetch index base URL %s"): dh-virtualenv
        # in a pbuilder chroot without network (b47-package-builders-4/21); weak: pip 1.5 against PyPI after its move to
        # HTTPS-only says the same, and the log's next lines may say which
        Pattern("cannot fetch index base url", r"\bCannot fetch index base URL https?://", weak=True),
        # a setup script's own download loop reporting urllib's URLError (no HTTP answer: a network failure):
        # spiceypy 1.x's getspice.py "Download failed with URLError, trying again after 15 seconds!"
        # (b45-old-pip-longtail-11/04); weak: its last words may say more
        Pattern("failed with urlerror", r"\b(?:download|fetch|retrieval)\w{0,3} failed with URLError\b", weak=True),
        Pattern("unexpected disconnect while reading sideband packet",
                r"\bfetch-pack: unexpected disconnect while reading sideband packet"),
        # uv's own verdicts: offline (--offline, UV_OFFLINE) and the cache lacking what the build asked for, "hint:
        # Packages were unavailable because the network was disabled." (dbt-databricks' CI and uv's own tests,
        # b58-network-2/07, /09); a connection that failed as if offline, "Caused by: Could not connect, are you
        # offline?" (uv-client's WrappedReqwestError when is_likely_offline; usethis on Windows, b58-network-2/08)
        Pattern("network was disabled", r"\bPackages were unavailable because the network was disabled\b"),
        Pattern("are you offline", r"\bCould not connect, are you offline\?"),
        Pattern("rpc failed;", r"\berror: RPC failed; (?:curl (?!22\b)\d{1,3}|result=\d{1,3})"),
        # Conan fetching a recipe's sources for a build that runs `conan install` (catboost 1.2.1's CMake through
        # cmake-conan): its downloader's "Error downloading file URL: '<the exception>'", here urllib3's connection
        # error ("pcre/8.45: ERROR: Error downloading file https://sourceforge.net/...: 'HTTPSConnectionPool(host=
        # 'sourceforge.net', port=443): Max retries exceeded ... (Caused by SSLError(...))'", b66-pip-network-1/07)
        Pattern("error downloading file", r"\bError downloading file https?://\S{1,2000}: '(?:HTTPS?ConnectionPool\(|"
                r"\w{0,40}(?:Timeout|ConnectionError|SSLError)\b)"),
    ) + tuple(
        Pattern(needle, regex, weak=True) for needle, regex in (
            ("failed to establish a new connection", r"Failed to establish a new connection"),
            ("temporary failure in name resolution", r"Temporary failure in name resolution"),
            ("name or service not known", r"Name or service not known"),
            ("nodename nor servname", r"nodename nor servname provided"),
            ("getaddrinfo failed", r"getaddrinfo failed"),
            ("could not resolve host", r"Could(?:n't| not) resolve host"),
            ("connecttimeouterror", r"ConnectTimeoutError"),
            ("read timed out", r"Read timed out"),
            ("connection timed out", r"Connection timed out"),
            ("connection refused", r"(?:Connection refused|ConnectionRefusedError)"),
            ("connection reset", r"Connection reset by peer"),
            # Python's and Windows' words for a connection the other end (or a proxy) dropped: "ConnectionResetError(
            # 10054, 'An existing connection was forcibly closed by the remote host'" (WSAECONNRESET)
            ("connectionreseterror", r"ConnectionResetError\("),
            ("forcibly closed by the remote host", r"forcibly closed by the remote host"),
            ("remotedisconnected", r"RemoteDisconnected\("),
            # ... and its message alone (CPython's http.client), as a setup script's own download prints it: "error:
            # Remote end closed connection without response" after causal-conv1d's "Guessing wheel URL: https://
            # github.com/..." (b25-ml-science-2025-26/07)
            ("remote end closed connection", r"Remote end closed connection without response"),
            ("proxyerror", r"ProxyError|Cannot connect to proxy|Tunnel connection failed"),
            ("certificate verify failed", r"certificate verify failed|CERTIFICATE_VERIFY_FAILED"),
            ("sslerror", r"SSLError\("),
            # rustls (uv's and other Rust clients' TLS; its Error's Display): "received fatal alert: HandshakeFailure",
            # "invalid peer certificate: UnknownIssuer" at the end of uv's cause chain (also Java's "Received fatal
            # alert: handshake_failure")
            ("received fatal alert", r"received fatal alert: \w"),
            ("invalid peer certificate", r"invalid peer certificate: \w"),
            # uv and other reqwest / hyper clients: "error: Failed to fetch: `https://pypi.org/simple/setuptools/`"
            # / "Caused by: Request failed after 3 retries" / "Caused by: error sending request for url (...)" /
            # "Caused by: operation timed out" (uv #1549, #1912, #6072, #16233), "tcp connect error", "dns error"
            ("request failed after", r"Request failed after \d{1,3} retries"),
            ("error sending request for url", r"error sending request for url \("),
            ("request or response body error", r"request or response body error"),
            ("operation timed out", r"\boperation timed out\s*$"),
            ("tcp connect error", r"tcp connect error"),
            ("client error (connect)", r"client error \(Connect\)"),
            ("dns error", r"dns error: failed to lookup address"),
            # pip's "HTTP error 403 while getting URL": a proxy or firewall in the way (407: its authentication)
            ("while getting", r"HTTP error (?:403|407|429|50[234]) while getting https?://"),
            # a distribution file the index listed and then refused: pip's "HTTP error 404 while getting URL" and uv's
            # (reqwest's) "HTTP status client error (404 Not Found) for url (URL)", a private index answering 404 to a
            # request without its credentials (GitLab's registry under uv sync, b24-frontends-2025-26/06)
            ("while getting", r"HTTP error 40[134] while getting https?://\S{1,2000}?\.(?:whl|tar\.gz|zip|tar\.bz2)\b"),
            ("status client error", r"HTTP status client error \(40[1347] [^)\n]{1,40}\) for url \(https?://\S{1,2000}?"
             r"\.(?:whl|tar\.gz|zip|tar\.bz2)\b"),
            ("network is unreachable", r"Network is unreachable"),
            # a setup script's own download given up after its retries: AutoROM.accept-rom-license's torrent of the
            # Atari ROMs, "RuntimeError: Tried to download ROMs 3 times, which have all failed, please try again or
            # report this issue." (its AutoROM.py; b66-pip-network-1/01)
            ("times, which have all failed", r"\bTried to download [\w .+-]{1,60} \d{1,3} times, which have all failed"),
            # yarn 1's notice when a request to its registry failed and it retries (its lang/en.js offlineRetrying:
            # "There appears to be trouble with your network connection. Retrying..."; a yarn install run by
            # jupyterlab's setup.py, b63-network-3/06)
            ("trouble with your network connection", r"There appears to be trouble with your network connection\b"),
            # matplotlib's setupext.py when none of its URLs for a bundled library answered: "Failed to download
            # FreeType. Please download one of ['https://...', ...] and extract it into build/freetype-2.6.1 ..."
            # (telofinder's setup.py install building matplotlib, b63-network-3/22)
            ("please download one of", r"\bFailed to download [\w.+-]{1,40}\. Please download one of \['https?://"),
            ("spurious network error", r"spurious network error"),
            ("could not connect to server", r"Could not connect to server"),
            ("unable to access", r"fatal: unable to access '"),
            ("urlopen error", r"urlopen error"),
            # git over SSH without a key the server accepts (a submodule's git@github.com URL: llama-cpp-python's
            # vendor/llama.cpp, b18-net-res/06), or a host it cannot reach: git's "fatal: Could not read from remote
            # repository." after ssh's own reason
            ("could not read from remote repository", r"fatal: Could not read from remote repository"),
            # a Python built without its ssl module: pip cannot fetch anything over HTTPS (pip's own warning,
            # req_command.py; showyourwork's conda Python, b18-net-res/12)
            ("ssl module in python is not available", r"pip is configured with locations that require TLS/SSL,"
             r" however the ssl module in Python is not available"),
            # uv's hint when an index refused it: "An index URL (https://...) could not be queried due to a lack
            # of valid authentication credentials (401 Unauthorized)." (a private index without credentials)
            ("lack of valid authentication credentials", r"could not be queried due to a lack of valid"
             r" authentication credentials"),
        )
    ) + (
        # CMake's file(DOWNLOAD) / ExternalProject, which print libcurl's curl_easy_strerror() text: "status_string:
        # \"Couldn't resolve host name\"" (the cmake sdist's superbuild offline, b13-net-res-misc/19)
        Pattern("status_string", r"status_string: \"(?:Couldn't resolve (?:host|proxy) name|Timeout was reached"
                r"|Couldn't connect to server|SSL connect error|SSL peer certificate or SSH remote key was not OK"
                r"|Problem with the SSL CA cert \(path\? access rights\?\)|Failure when receiving data from the peer)\""),
        # ... and the same STATUS as CMake's list, code and text, as a script's own message prints it: OpenCV's
        # OpenCVDownload.cmake "ADE: Download failed: 6;\"Couldn't resolve host name\"" (opencv-python's G-API
        # dependency, b63-network-3/07)
        Pattern("download failed: ", r"\bDownload failed: (?:6|7|28|35|51|56|60|77);\"(?:Couldn't resolve (?:host|proxy)"
                r" name|Timeout was reached|Couldn't connect to server|SSL connect error|SSL peer certificate or SSH remote"
                r" key was not OK|Problem with the SSL CA cert \(path\? access rights\?\)|Failure when receiving data from"
                r" the peer)\""),
        # a private index that asks for credentials, asked from pip's build-dependency subprocess, which has no
        # terminal to answer it (pip's network/auth.py prompt "User for <netloc>: ", then EOFError: krb5 against
        # Artifactory, b18-net-res/15)
        Pattern("user for", r"^\s*User for [^\s:]{1,300}: ERROR: Exception:"),
        # cargo's registry update that could not fetch the index (its git fetch or sparse download): "error: Unable
        # to update registry `crates-io`" / "Caused by:" / "failed to fetch `https://github.com/rust-lang/
        # crates.io-index`" (a Docker build, b17-rust-pyo3/14); other causes of the first line (an old Cargo asked
        # for a sparse registry) say something else next
        Pattern("unable to update registry", r"Unable to update registry `[\w.-]{1,60}`",
                then=r"^\s*(?:failed to fetch `https?://|download of config\.json failed|failed to download from)",
                within=3),
        # a setup script's own download answered by a server error, a rate limit or a proxy asking for credentials:
        # "urllib.error.HTTPError: HTTP Error 500: Internal Server Error" (ibm_db's clidriver download,
        # b32-old-pip-longtail-3/10); 404 and 403 are a file gone or refused, not the network
        Pattern("httperror: http error", r"\bHTTPError: HTTP Error (?:5\d\d|429|407|408)\b"),
        # cargo's verdict after its retries: a dependency could not be fetched
        Pattern("failed to get", r"failed to get `[\w-]+` as a dependency of package"),
        Pattern("failed to download", r"failed to download (?:from `|`[\w-]+ v)"),
    ),
    fix=_network_fix,
    verify=lambda ctx: ("python -m pip download --no-deps -d /tmp/pip-explain-check setuptools",),
    why="Builds download more than the sdist: pip installs the build requirements into an isolated environment,"
    " cargo fetches crates, CMake's FetchContent and some setup.py scripts fetch sources. Behind a proxy,"
    " offline, or with a private index that lacks them, these steps fail.",
    prevent="Mirror build requirements in your index, configure the proxy and CA for every tool (pip, cargo,"
    " git), or build where the network is reachable.",
    examples=(
        "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection"
        " broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at 0x7f>: Failed"
        " to establish a new connection: [Errno -3] Temporary failure in name resolution')': /simple/setuptools/",
        "  Couldn't resolve host name (Could not resolve host: index.crates.io)",
        "  fatal: Could not read from remote repository.",
        # pypims' FetchContent (b38-cpp-cuda-ext-2/17), pybinding's Eigen download (b39-cpp-cuda-ext-3/09), k2's empty
        # pybind11 zip (b39-cpp-cuda-ext-3/04)
        "  fatal: unable to access 'https://github.com/pybind/pybind11.git/': Recv failure: Connection was reset",
        "  fatal: early EOF",
        "curl: (52) Empty reply from server",
        "    error: Could not download Eigen from 'https://bitbucket.org/eigen/eigen/get/699b6595fc47.zip'",
        "      actual: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'",
        "WARNING: pip is configured with locations that require TLS/SSL, however the ssl module in Python is not"
        " available.",
        "  User for artifactory.example.com: ERROR: Exception:",
        "error: failed to get `pyo3` as a dependency of package `foo v0.1.0 (/tmp/foo)`",
        "Could not fetch URL https://pypi.org/simple/pwntools/: There was a problem confirming the ssl certificate:"
        " HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded with url: /simple/pwntools/ (Caused by"
        " SSLError(SSLError(136, '[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (_ssl.c:4263)')))"
        " - skipping",
        "Download error on https://pypi.python.org/simple/numpy/: hostname 'proxy.company.com' doesn't match either"
        " of 'www.python.org', 'python.org', 'pypi.python.org'",
        "Download error on https://pypi.python.org/simple/: [Errno 111] Connection refused -- Some packages may not"
        " be found!",
        "  `-> received fatal alert: HandshakeFailure",
        "  ╰─▶ invalid peer certificate: UnknownIssuer",
        "  Caused by: Request failed after 3 retries",
        "320.0   Caused by: operation timed out",
        "  Caused by: error sending request for url (https://pypi.org/simple/setuptools/)",
        "            status_string: \"Couldn't resolve host name\"",
        "      could not be queried due to a lack of valid authentication credentials",
    ),
)

RULES = (RESOURCES, NETWORK)
