// The c3voc/pretalx schedule.json importer (the frab-compatible JSON, read with nlohmann::json).
//
// What it reads, as pretalx and frab write it (https://c3voc.de/schedule/schema.json):
//   {"schedule": {"conference": {
//       "time_zone_name": "Europe/Berlin",
//       "tracks": [{"name": "Systems", "color": "#5AA9FF"}],
//       "days": [{"index": 1, "date": "2023-10-28", "day_start": "2023-10-28T04:00:00+02:00",
//                 "rooms": {"Saal 1": [{"guid": "…", "id": 1001,
//                     "date": "2023-10-28T10:00:00+02:00", "start": "10:00", "duration": "00:45",
//                     "end": "…", "room", "title", "subtitle", "type", "track", "language",
//                     "abstract", "description",
//                     "persons": [{"name": "Zoë Müller", "public_name": "Zoë Müller"}]}]}}]}}}
// Recognised by a top-level object whose "schedule" holds a "conference", whatever the file is
// called. The newer layout with the events in "schedule.events" (schema 2) is refused by name.
#pragma once

#include "kiosk/core/import/importer.h"

namespace kiosk {

// The one instance; stateless, so it may be shared between threads.
const Importer& schedule_json_importer();

}  // namespace kiosk
