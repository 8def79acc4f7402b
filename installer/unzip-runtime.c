/*
 * unzip-runtime: unpacks the Java runtime that the TrayTalk setup downloaded (Eclipse Temurin's Windows zip) into a
 * new folder. Inno Setup 6.4 can only unpack .7z archives and Temurin publishes .zip and .msi, so the setup carries
 * this small tool and runs it after it has checked the archive's SHA-256 against the pinned one.
 *
 *   unzip-runtime.exe <archive.zip> <new folder>
 *
 * Every entry must lie under one top folder (Temurin's "jdk-17.0.x+y-jre/"), which is left out: <new folder>\bin\
 * javaw.exe, not <new folder>\jdk-...\bin\javaw.exe. The folder must not exist yet; on any error the tool stops with
 * exit code 1 and a message on stderr, and the caller deletes what was written. Stored and deflated entries only, no
 * zip64, names in printable ASCII without a drive, "..", "." or backslash; each entry's size and CRC-32 must be the
 * ones the central directory names.
 * Build: i686-w64-mingw32-gcc -O2 -s -municode -static -o unzip-runtime.exe unzip-runtime.c -lz
 */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <zlib.h>

#define MAX_NAME 1024
/* far above a JRE (about 130 MB unpacked): a bound, so that a broken archive cannot fill the disk */
#define MAX_TOTAL (1024.0 * 1024 * 1024)

static const wchar_t *archive_name;
static FILE *archive;

static int fail(const char *fmt, const char *detail) {
    fprintf(stderr, "unzip-runtime: %ls: ", archive_name);
    fprintf(stderr, fmt, detail);
    fputc('\n', stderr);
    return 1;
}

static unsigned le16(const unsigned char *p) { return p[0] | (p[1] << 8); }
static unsigned long le32(const unsigned char *p) {
    return p[0] | (p[1] << 8) | ((unsigned long) p[2] << 16) | ((unsigned long) p[3] << 24);
}

static int read_at(long offset, unsigned char *buf, size_t len) {
    return fseek(archive, offset, SEEK_SET) == 0 && fread(buf, 1, len, archive) == len;
}

/* The end-of-central-directory record: the last 22 bytes, or further back behind a comment of up to 64 KiB. */
static int find_end(unsigned char *end) {
    static unsigned char tail[65535 + 22];
    long size, start;
    size_t len;
    if (fseek(archive, 0, SEEK_END) != 0 || (size = ftell(archive)) < 22) return 0;
    start = size > (long) sizeof tail ? size - (long) sizeof tail : 0;
    len = (size_t) (size - start);
    if (!read_at(start, tail, len)) return 0;
    for (long i = (long) len - 22; i >= 0; i--) {
        if (le32(tail + i) == 0x06054b50UL) {
            memcpy(end, tail + i, 22);
            return 1;
        }
    }
    return 0;
}

/* A name we are willing to create: printable ASCII, '/'-separated, no empty, "." or ".." part, nothing that
 * Windows reads as a drive, a stream or a device path. */
static int safe_name(const char *name) {
    const char *part = name;
    if (*name == '\0') return 0;
    for (const char *p = name; ; p++) {
        if (*p == '/' || *p == '\0') {
            size_t n = (size_t) (p - part);
            if (n == 0 && *p == '/') return 0;
            if ((n == 1 && part[0] == '.') || (n == 2 && part[0] == '.' && part[1] == '.')) return 0;
            if (*p == '\0') return 1;
            part = p + 1;
        } else if (*p < 0x20 || *p > 0x7e || strchr("\\:*?\"<>|", *p) != NULL) {
            return 0;
        }
    }
}

/* dest\rel with '/' turned into '\', as a wide path; 0 when it does not fit. */
static int join(wchar_t *out, size_t size, const wchar_t *dest, const char *rel) {
    size_t n = wcslen(dest);
    if (n + 1 + strlen(rel) + 1 > size) return 0;
    wcscpy(out, dest);
    out[n++] = L'\\';
    for (; *rel; rel++) out[n++] = *rel == '/' ? L'\\' : (wchar_t) *rel;
    out[n] = L'\0';
    return 1;
}

/* Creates the folders above path (and path itself when dir is set); a folder that cannot be created because it
 * exists, or is a drive or share, is fine: what matters is that the last one is a folder. */
static int make_dirs(wchar_t *path, int dir) {
    wchar_t *last = wcsrchr(path, L'\\');
    for (wchar_t *p = wcschr(path, L'\\'); p != NULL; p = wcschr(p + 1, L'\\')) {
        if (p == path) continue;
        *p = L'\0';
        CreateDirectoryW(path, NULL);
        *p = L'\\';
    }
    if (dir) CreateDirectoryW(path, NULL);
    else if (last != NULL) *last = L'\0';
    DWORD attributes = GetFileAttributesW(path);
    if (!dir && last != NULL) *last = L'\\';
    return attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY);
}

/* Copies (method 0) or inflates (method 8) one entry's data from the archive into out, checking size and CRC. */
static const char *unpack(FILE *out, unsigned method, unsigned long csize, unsigned long usize, unsigned long crc) {
    static unsigned char in[65536], buf[65536];
    unsigned long got = 0, left = csize, sum = crc32(0L, Z_NULL, 0);
    z_stream z;
    int done = 0, status = Z_OK;
    if (method == 8) {
        memset(&z, 0, sizeof z);
        if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return "cannot start inflating";
    }
    while (!done) {
        size_t n = left < sizeof in ? left : sizeof in;
        if (n > 0 && fread(in, 1, n, archive) != n) { done = -1; break; }
        left -= (unsigned long) n;
        if (method == 0) {
            if (fwrite(in, 1, n, out) != n) { done = -2; break; }
            sum = crc32(sum, in, (uInt) n);
            got += (unsigned long) n;
            done = left == 0;
            continue;
        }
        z.next_in = in;
        z.avail_in = (uInt) n;
        do {
            z.next_out = buf;
            z.avail_out = sizeof buf;
            status = inflate(&z, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) { done = -3; break; }
            size_t out_n = sizeof buf - z.avail_out;
            if (got + out_n > usize) { done = -4; break; }
            if (fwrite(buf, 1, out_n, out) != out_n) { done = -2; break; }
            sum = crc32(sum, buf, (uInt) out_n);
            got += (unsigned long) out_n;
        } while (z.avail_out == 0 && status != Z_STREAM_END);
        if (done == 0 && status == Z_STREAM_END) done = 1;
        else if (done == 0 && left == 0) done = -3;
    }
    if (method == 8) inflateEnd(&z);
    switch (done) {
        case -1: return "the archive ends inside this entry";
        case -2: return "cannot write the file (disk full?)";
        case -3: return "its compressed data is broken";
        case -4: return "it unpacks to more than its stated size";
    }
    if (got != usize) return "it unpacks to another size than stated";
    if (sum != crc) return "its CRC-32 does not match";
    return NULL;
}

int wmain(int argc, wchar_t **argv) {
    unsigned char end[22], cd[46], local[30];
    static char name[MAX_NAME + 1], top[MAX_NAME + 1];
    static wchar_t path[MAX_PATH * 2];
    size_t top_len = 0;
    unsigned long files = 0;
    double total = 0;
    if (argc != 3) {
        fputs("usage: unzip-runtime <archive.zip> <new folder>\n", stderr);
        return 2;
    }
    archive_name = argv[1];
    if ((archive = _wfopen(argv[1], L"rb")) == NULL) return fail("%s", "cannot open it");
    if (!find_end(end)) return fail("%s", "not a zip archive (no end of central directory)");
    unsigned entries = le16(end + 10);
    long cd_offset = (long) le32(end + 16);
    if (le16(end + 4) != 0 || le16(end + 6) != 0 || entries != le16(end + 8)) return fail("%s", "split archives are not supported");
    if (entries == 0xFFFF || le32(end + 16) == 0xFFFFFFFFUL) return fail("%s", "zip64 archives are not supported");
    if (entries == 0) return fail("%s", "the archive is empty");
    if (GetFileAttributesW(argv[2]) != INVALID_FILE_ATTRIBUTES) return fail("%s", "the target folder exists already");
    if (wcslen(argv[2]) >= MAX_PATH * 2) return fail("%s", "the target folder's name is too long");
    wcscpy(path, argv[2]);
    if (!make_dirs(path, 1)) return fail("%s", "cannot create the target folder");

    for (unsigned i = 0; i < entries; i++, cd_offset += 46) {
        if (!read_at(cd_offset, cd, 46) || le32(cd) != 0x02014b50UL) return fail("%s", "its central directory is broken");
        unsigned flags = le16(cd + 8), method = le16(cd + 10), name_len = le16(cd + 28);
        unsigned long crc = le32(cd + 16), csize = le32(cd + 20), usize = le32(cd + 24), local_at = le32(cd + 42);
        if (name_len == 0 || name_len > MAX_NAME || fread(name, 1, name_len, archive) != name_len)
            return fail("%s", "an entry's name is missing or too long");
        name[name_len] = '\0';
        cd_offset += (long) name_len + le16(cd + 30) + le16(cd + 32);
        if (!safe_name(name)) return fail("refusing the entry \"%s\": not a plain relative name", name);
        if (flags & 1) return fail("the entry %s is encrypted", name);
        if (method != 0 && method != 8) return fail("the entry %s uses a compression method other than deflate", name);
        const char *slash = strchr(name, '/');
        if (i == 0) {
            if (slash == NULL) return fail("the entry %s is not inside a top folder", name);
            top_len = (size_t) (slash - name) + 1;
            memcpy(top, name, top_len);
            top[top_len] = '\0';
        }
        if (strncmp(name, top, top_len) != 0) return fail("the entry %s is outside the archive's top folder", name);
        const char *rel = name + top_len;
        if (*rel == '\0') continue; /* the top folder itself */
        if (!join(path, MAX_PATH * 2, argv[2], rel)) return fail("the path for %s is too long", name);
        if (name[name_len - 1] == '/') {
            if (usize != 0 || !make_dirs(path, 1)) return fail("cannot create the folder for %s", name);
            continue;
        }
        total += usize;
        if (total > MAX_TOTAL) return fail("%s", "it unpacks to more than 1 GiB: not a Java runtime");
        if (!read_at((long) local_at, local, 30) || le32(local) != 0x04034b50UL)
            return fail("the local header of %s is broken", name);
        if (fseek(archive, (long) local_at + 30 + le16(local + 26) + le16(local + 28), SEEK_SET) != 0)
            return fail("the data of %s is missing", name);
        if (!make_dirs(path, 0)) return fail("cannot create the folder for %s", name);
        if (GetFileAttributesW(path) != INVALID_FILE_ATTRIBUTES) return fail("the entry %s is twice in the archive", name);
        FILE *out = _wfopen(path, L"wb");
        if (out == NULL) return fail("cannot create the file %s", name);
        const char *problem = unpack(out, method, csize, usize, crc);
        if (fclose(out) != 0 && problem == NULL) problem = "cannot write the file (disk full?)";
        if (problem != NULL) {
            fprintf(stderr, "unzip-runtime: entry %s: %s\n", name, problem);
            return 1;
        }
        files++;
    }
    printf("unzip-runtime: %lu files, %.0f bytes from the top folder %s\n", files, total, top);
    return 0;
}
