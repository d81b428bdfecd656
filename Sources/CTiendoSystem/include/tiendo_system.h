#ifndef TIENDO_SYSTEM_H
#define TIENDO_SYSTEM_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set when the kernel or file system
/// cannot do it. Swift cannot call the variadic syscall(2) itself.
int tiendo_exchange_paths(const char *a, const char *b);

#endif
