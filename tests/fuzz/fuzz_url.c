/* fuzz_url.c: libFuzzer harness for the paths goldthread serve takes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	char		*s = gt_xstrndup((const char *)data, len), *rel, *p;
	const char	*part;
	size_t		 n;

	if (gt_serve_path(s, &rel) != GT_SERVE_PATH_BAD) {
		/* A path inside the output: relative parts, none empty, no
		   way up, no separator or control character of another kind. */
		if (rel == NULL || *rel == '\0' || *rel == '/')
			abort();
		for (p = rel; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f ||
			    *p == '\\')
				abort();
		for (part = rel; ; part += n + 1) {
			n = strcspn(part, "/");
			if (n == 0 || (n == 1 && part[0] == '.') ||
			    (n == 2 && part[0] == '.' && part[1] == '.'))
				abort();
			if (part[n] == '\0')
				break;
		}
	} else if (rel != NULL)
		abort();
	free(rel);
	free(s);
	return 0;
}
