#ifndef ATELIER_CQRENCODE_SHIM_H
#define ATELIER_CQRENCODE_SHIM_H

// Debian's libqrencode-dev: the QR encoder behind the join URL's code.
#include <qrencode.h>

#endif
