/*
 * hash.h: SHA-256 of a file's bytes, the identity of an imported article.
 * A cryptographic hash so that two different files never share an
 * identity, even in a library of millions.
 */
#ifndef DIGLOT_HASH_H
#define DIGLOT_HASH_H

#include "diglot/common.h"

#define HASH_HEX_SIZE 65 /* 64 hex digits and the NUL */
/* The bytes of the SHA-256 kept as an article's identity in the library:
 * 128 bits make an accidental collision among even 10^9 files about
 * 10^-21 likely, and halve the key's share of the library's size. */
#define HASH_KEY_SIZE 16

void hash_sha256(const void *data, size_t len, uint8_t out[32]);
/* Lower-case hex of the SHA-256 of data. */
void hash_hex(const void *data, size_t len, char out[HASH_HEX_SIZE]);

#endif
