// Display width as ncurses measures it: libc's wcwidth under a UTF-8 locale.
// Swift's Glibc module hides wcwidth, so it is declared here.
#ifndef VISOR_CWIDTH_H
#define VISOR_CWIDTH_H
#include <locale.h>
#include <stddef.h>
#include <wchar.h>

int wcwidth(wchar_t c);

/// Makes LC_CTYPE a UTF-8 locale if it is not one already; returns 1 on success.
static inline int visor_ensure_utf8_ctype(void) {
    const char *current = setlocale(LC_CTYPE, NULL);
    if (current) {
        const char *p = current;
        for (; *p; p++) {
            if ((p[0] == 'U' || p[0] == 'u') && (p[1] == 'T' || p[1] == 't') && (p[2] == 'F' || p[2] == 'f')) return 1;
        }
    }
    if (setlocale(LC_CTYPE, "C.UTF-8")) return 1;
    if (setlocale(LC_CTYPE, "en_US.UTF-8")) return 1;
    return 0;
}

static inline int visor_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
#endif
