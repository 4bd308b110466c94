// The frab/pretalx schedule.xml importer (the c3voc "schedule.xml" format, read with pugixml).
//
// What it reads, as pretalx and frab write it:
//   <schedule>
//     <conference> <time_zone_name>Europe/Berlin</time_zone_name>
//                  <track name="Systems" color="#5aa9ff"/> … </conference>
//     <day index="1" date="2023-10-28" start="2023-10-28T04:00:00+02:00" end="…">
//       <room name="Saal 1">
//         <event guid="…" id="1001">  <date>2023-10-28T10:00:00+02:00</date> <start>10:00</start>
//           <duration>00:45</duration> <room/> <title/> <subtitle/> <type/> <track/> <language/>
//           <abstract/> <description/> <persons><person>Zoë Müller</person></persons>
// Recognised by its root element <schedule>, whatever the file is called.
#pragma once

#include "kiosk/core/import/importer.h"

namespace kiosk {

// The one instance; stateless, so it may be shared between threads.
const Importer& frab_xml_importer();

}  // namespace kiosk
