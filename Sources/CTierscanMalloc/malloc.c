// CTierscanMalloc is header-only (include/ctierscan_malloc.h); SwiftPM needs a source file.
#include "ctierscan_malloc.h"
