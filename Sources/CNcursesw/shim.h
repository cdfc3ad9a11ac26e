// ncursesw for Swift: the wide-character API appears only with NCURSES_WIDECHAR,
// and the macros (attributes, ACS, getmaxyx, mouse masks) are not imported, so
// they are re-exported here as constants and functions. C globals are read
// through accessors because Swift 6 rejects them as not concurrency-safe.
#ifndef VISOR_CURSES_SHIM_H
#define VISOR_CURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <langinfo.h>
#include <string.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static const attr_t visor_A_NORMAL = A_NORMAL;
static const attr_t visor_A_BOLD = A_BOLD;
static const attr_t visor_A_DIM = A_DIM;
static const attr_t visor_A_UNDERLINE = A_UNDERLINE;
static const attr_t visor_A_REVERSE = A_REVERSE;
static const attr_t visor_A_ITALIC = A_ITALIC;
static const attr_t visor_A_STANDOUT = A_STANDOUT;

static const mmask_t visor_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t visor_REPORT_MOUSE_POSITION = REPORT_MOUSE_POSITION;
static const mmask_t visor_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t visor_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t visor_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t visor_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
static const mmask_t visor_BUTTON4_PRESSED = BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
static const mmask_t visor_BUTTON5_PRESSED = BUTTON5_PRESSED;
#else
static const mmask_t visor_BUTTON5_PRESSED = 0;
#endif

static inline int visor_key_f(int n) { return KEY_F(n); }

static inline WINDOW *visor_stdscr(void) { return stdscr; }
static inline int visor_lines(void) { return LINES; }
static inline int visor_cols(void) { return COLS; }
static inline int visor_colors(void) { return COLORS; }
static inline int visor_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *visor_stdout(void) { return stdout; }
static inline FILE *visor_stdin(void) { return stdin; }

/// 1 when the terminal can address the cursor (TERM=dumb cannot).
static inline int visor_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}

/// Unblocks the signals a parent may have blocked (Swift Testing's workers do),
/// without which resize and termination never arrive.
static inline void visor_unblock_signals(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGWINCH);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

/// Writes one cell: a grapheme of up to 5 code points with attributes and a colour pair.
static inline int visor_put_cell(WINDOW *win, int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, wch, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(win, y, x, &cell);
}

static inline int visor_getmaxy(WINDOW *win) { return getmaxy(win); }
static inline int visor_getmaxx(WINDOW *win) { return getmaxx(win); }
/// 1 when stdin and stdout are both terminals (stdin from /dev/null makes curses spin).
static inline int visor_stdio_is_terminal(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }

/// Step 3 of the start-up order: the user's locale, or C.UTF-8 for LC_CTYPE when
/// theirs is not UTF-8 (else accents vanish and box lines print as qqqq).
/// Returns 1 when the character set is UTF-8 afterwards.
static inline int visor_setup_locale(void) {
    setlocale(LC_ALL, "");
    if (strcmp(nl_langinfo(CODESET), "UTF-8") == 0) return 1;
    if (setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "en_US.UTF-8")) {
        return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
    }
    return 0;
}

/// Installs `handler` for `sig` without SA_RESTART, so a blocking read is
/// interrupted and the main loop gets to see the flag the handler sets.
static inline int visor_install_signal_handler(int sig, void (*handler)(int)) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    return sigaction(sig, &action, NULL);
}

/// Puts `sig` back to its default action.
static inline void visor_default_signal_handler(int sig) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = SIG_DFL;
    sigemptyset(&action.sa_mask);
    sigaction(sig, &action, NULL);
}

#endif
