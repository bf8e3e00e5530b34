// CTierscanPrefetch is header-only (include/ctierscan_prefetch.h); SwiftPM needs a source file.
#include "ctierscan_prefetch.h"
