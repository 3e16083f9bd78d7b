from pip_explain.sanitize import clean_line, plain, redact


def test_terminal_escapes_are_removed():
    assert clean_line("\x1b[1;31merror\x1b[0m: x") == "error: x"
    assert clean_line("\x1b]0;evil title\x07text") == "text"
    assert clean_line("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\") == "click"
    assert clean_line("a\x00b\x07c\x85d") == "abcd"
    assert clean_line("bidi\u202eoverride") == "bidioverride"


def test_carriage_return_keeps_what_was_drawn_last():
    assert clean_line("progress 10%\rprogress 100%") == "progress 100%"
    assert clean_line("done\r") == "done"


def test_rich_markup_that_could_act_is_removed_other_brackets_stay():
    assert plain("[link=http://evil]click[/link] [/] [@click=app.quit]x") == "click  x"
    assert plain("x = a[i] + b[0]; [end of output]") == "x = a[i] + b[0]; [end of output]"


def test_credentials_are_redacted():
    assert redact("https://user:s3cret@pypi.example/simple") == "https://****@pypi.example/simple"
    assert redact("https://__token__@host/x") == "https://****@host/x"
    assert redact("https://h/simple?token=abc123&x=1") == "https://h/simple?token=****&x=1"
    assert redact("Authorization: Bearer abc.def") == "Authorization: Bearer ****"
    assert "ghp_" not in redact("token ghp_" + "a" * 36)
    assert redact("PYPI_TOKEN=pypi-abc GITHUB_TOKEN=x") == "PYPI_TOKEN=**** GITHUB_TOKEN=****"
    assert redact("no secrets here: a=b") == "no secrets here: a=b"


def test_pathological_inputs_finish():
    for text in ("://" * 200_000, "\x1b[" * 200_000, "a" * 1_000_000 + "=", "?token=" * 100_000,
                 "authorization" * 100_000, "[link=" * 100_000):
        plain(text)
