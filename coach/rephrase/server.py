"""`python -m coach.rephrase.server ...`: llama-cpp-python's OpenAI-compatible server, loaded the way coach loads a
model, for `coach chat --backend openai`.

`python -m llama_cpp.server` loads with llama.cpp's extra buffer types on, and on CPUs with AMX (Sapphire Rapids
class) its first reply segfaults in llama_decode (ggml-org/llama.cpp#20824; the server just closes the connection).
This runs the same server with them off unless COACH_LLAMA_EXTRA_BUFTS=1 asks for them, as coach's own worker does.
Every argument is llama_cpp.server's own (`--model`, `--host`, `--port`, ...)."""

from __future__ import annotations

import runpy
import sys

from coach.rephrase.llama import extra_bufts_wanted, model_params


def main(argv: list[str] | None = None) -> None:
    """Run llama_cpp.server with ``argv`` (default: this process's arguments), extra buffer types as asked."""
    sys.argv = ["llama_cpp.server", *(sys.argv[1:] if argv is None else argv)]
    with model_params(extra_bufts_wanted()):
        runpy.run_module("llama_cpp.server", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
