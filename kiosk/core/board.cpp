// Names of board values as they appear in JSON and logs.
#include "kiosk/core/board.h"

namespace kiosk {

const char* to_string(RoomStatus s) {
    switch (s) {
        case RoomStatus::before_conference:
            return "before_conference";
        case RoomStatus::before_first_session:
            return "before_first_session";
        case RoomStatus::in_session:
            return "in_session";
        case RoomStatus::between_sessions:
            return "between_sessions";
        case RoomStatus::after_last_session:
            return "after_last_session";
        case RoomStatus::after_conference:
            return "after_conference";
    }
    return "unknown";
}

}  // namespace kiosk
