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

// libxml2 prints some problems (encoding conversion failures, I/O errors) through its generic
// error function straight to stderr, outside the `file:line: severity: rule:` format; each is
// also reported through the structured handler. Swift cannot define a variadic C callback, so
// the silent handler lives here. libxml2 keeps the handler per thread: call this on the
// thread that parses.
static inline void tierscan_xml_ignore_generic_error(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void tierscan_xml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, tierscan_xml_ignore_generic_error);
}
#endif
