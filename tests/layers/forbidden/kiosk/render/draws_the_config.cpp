// A render file that reaches up into the app: the layer check must refuse it.
#include "kiosk/app/cli.h"
#include "kiosk/core/config.h"
