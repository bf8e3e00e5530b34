#ifndef TIERSCAN_CLIBXML2_SHIM_H
#define TIERSCAN_CLIBXML2_SHIM_H
// libxml2's headers pull in the system ICU when LIBXML_ICU_ENABLED is set, which clashes
// with Foundation's own ICU module. tierscan never uses libxml2's ICU encodings.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#endif
