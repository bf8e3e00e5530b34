// zlib (system library, pkg-config `zlib`): the workspace compresses stored input files with it.
#include <zlib.h>
