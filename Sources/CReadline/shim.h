#ifndef ATELIER_CREADLINE_SHIM_H
#define ATELIER_CREADLINE_SHIM_H

// readline.h needs FILE from stdio.h first.
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>
#include <sys/ioctl.h>

// Swift 6 refuses to touch readline's mutable C globals directly
// (they are not concurrency-safe); these setters and getters are
// the only way the Swift code reaches them.

typedef char *_Nullable (*atelier_rl_generator)(const char *_Nonnull, int);
typedef char *_Nullable *_Nullable (*atelier_rl_completer)(const char *_Nonnull, int, int);

static inline void atelier_rl_set_name(const char *_Nonnull name) {
    rl_readline_name = name;
}
static inline void atelier_rl_set_completer(atelier_rl_completer _Nullable fn) {
    rl_attempted_completion_function = (rl_completion_func_t *)fn;
}
static inline char *_Nullable *_Nullable atelier_rl_completion_matches(
    const char *_Nonnull text, atelier_rl_generator _Nonnull gen) {
    return rl_completion_matches(text, (rl_compentry_func_t *)gen);
}
static inline void atelier_rl_set_attempted_completion_over(int value) {
    rl_attempted_completion_over = value;
}
static inline void atelier_rl_set_completion_append_character(int c) {
    rl_completion_append_character = c;
}
static inline void atelier_rl_set_basic_word_break_characters(const char *_Nonnull chars) {
    rl_basic_word_break_characters = (char *)chars;
}
static inline void atelier_rl_set_completer_quote_characters(const char *_Nonnull chars) {
    rl_completer_quote_characters = chars;
}
static inline const char *_Nullable atelier_rl_line_buffer(void) {
    return rl_line_buffer;
}
static inline int atelier_rl_point(void) { return rl_point; }
static inline int atelier_rl_end(void) { return rl_end; }
static inline void atelier_rl_set_point(int p) { rl_point = p; }
static inline void atelier_rl_set_done(int d) { rl_done = d; }
static inline void atelier_rl_set_catch_signals(int v) { rl_catch_signals = v; }
static inline void atelier_rl_set_catch_sigwinch(int v) { rl_catch_sigwinch = v; }
static inline void atelier_rl_set_instream(FILE *_Nullable f) { rl_instream = f; }
static inline void atelier_rl_set_outstream(FILE *_Nullable f) { rl_outstream = f; }
static inline const char *_Nullable atelier_rl_prompt(void) { return rl_prompt; }
static inline void atelier_history_set_max(int n) { stifle_history(n); }
static inline void atelier_rl_set_change_environment(int v) { rl_change_environment = v; }
static inline void atelier_rl_set_sort_completion_matches(int v) { rl_sort_completion_matches = v; }
static inline void atelier_rl_set_completion_query_items(int n) { rl_completion_query_items = n; }
static inline int atelier_rl_is_reading(void) { return (rl_readline_state & RL_STATE_CALLBACK) != 0; }

// The width of the terminal on `fd` in columns (TIOCGWINSZ), or 0 when it is
// no terminal: ioctl is variadic, which Swift cannot call.
static inline int atelier_terminal_columns(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_col;
}

// The height of the terminal on `fd` in rows, or 0 when it is no terminal.
static inline int atelier_terminal_rows(int fd) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) return 0;
    return size.ws_row;
}

#endif
