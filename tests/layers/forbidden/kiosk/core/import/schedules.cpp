// An importer that depends on the scheduler: the layer check must refuse it.
#include "kiosk/core/scheduler.h"
