// Boards whose session, speakers and talk on stage are in other scripts than Latin (Chinese,
// Arabic with a Latin system name, Hindi, Greek, Cyrillic), built by hand like sample_boards.h,
// for the golden pictures of text that Inter alone cannot draw.
#pragma once

#include <string>
#include <vector>

#include "tests/support/sample_boards.h"

namespace kiosk::testing {

struct ScriptSession {
    std::string room;
    std::string title;
    std::vector<std::string> speakers;
    std::string talk;      // the talk on stage at 08:50
    std::string abstract;  // its abstract
};

// The morning board at 08:50 with its session on now replaced by `s`.
inline Board script_board(const ScriptSession& s) {
    Board b = morning_board();
    b.room = s.room;
    auto on = session("Oral", s.title, "08:45", "10:00", s.room);
    on.speakers = s.speakers;
    on.talks = {talk(s.talk, s.abstract, "08:45", "09:30"), talk("Talk 2", "", "09:30", "10:00")};
    for (auto& t : on.talks) t.room = s.room;
    b.now = {on_now(on, "08:50")};
    return b;
}

inline ScriptSession chinese() {
    return {"Hall 東",
            "分布式系统的调度与容错",
            {"张伟", "李娜"},
            "面向大型集群的调度器",
            "我们介绍一个面向数千台机器的调度系统，以及它如何在节点故障时保持任务运行。"};
}

inline ScriptSession arabic() {
    return {"القاعة الكبرى",
            "تحسين أداء PyTorch على وحدات المعالجة",
            {"محمد علي", "Zoë Müller"},
            "مرحبا بالجميع",
            "كيف نجعل التدريب أسرع على الأجهزة الحديثة، مع أمثلة من أنظمة حقيقية."};
}

inline ScriptSession hindi() {
    return {"Exhibit Hall A",
            "मशीन लर्निंग प्रणालियों का परीक्षण",
            {"प्रिया शर्मा"},
            "क्षमता और त्रुटियाँ",
            "बड़े मॉडलों के प्रशिक्षण में क्षमता, त्रुटियों और लागत का विश्लेषण।"};
}

inline ScriptSession greek() {
    return {"Αίθουσα Α",
            "Κατανεμημένα συστήματα μηχανικής μάθησης",
            {"Γιώργος Παπαδόπουλος"},
            "Εκπαίδευση σε πολλές μηχανές",
            "Πώς εκπαιδεύουμε μεγάλα μοντέλα σε χιλιάδες επιταχυντές χωρίς απώλειες."};
}

inline ScriptSession cyrillic() {
    return {"Зал 2",
            "Всё о расписаниях",
            {"Иван Петров", "Анна Смирнова"},
            "Часовые пояса и экраны",
            "Почему летнее время путает расписания и что с этим делать."};
}

// A Chinese title of 46 ideographs and no spaces: it must wrap inside the screen, not run off.
inline ScriptSession long_chinese() {
    return {
        "Hall 東",
        "大规模分布式深度学习训练系统中的通信优化与容错调度方法研究及其在异构集群上的实践经验总结",
        {"王芳"},
        "通信优化",
        "一个没有空格的长标题，必须在框内换行。"};
}

// U+F0000 (private use) is in no font: drawn as a placeholder, and reported.
inline ScriptSession missing_glyph() {
    return {"Exhibit Hall A",
            "Unknown glyph \U000F0000 in a title",
            {"Ana Ruiz"},
            "Placeholder",
            "A character that no installed font has."};
}

}  // namespace kiosk::testing
