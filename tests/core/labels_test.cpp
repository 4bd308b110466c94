// Talk labels made up from abstracts: system names first, then a shortened first sentence.
#include "kiosk/core/import/labels.h"

#include <gtest/gtest.h>

#include "kiosk/core/import/text.h"

namespace kiosk {
namespace {

std::string name(std::string_view abstract) { return system_name(abstract); }

TEST(SystemName, IntroducedByTheAbstractsOwnWords) {
    EXPECT_EQ(name("We present an orchestration layer. Our system, Pathways, is designed for it."),
              "Pathways");
    EXPECT_EQ(name("We propose a new approach, named LightSecAgg, to overcome this."),
              "LightSecAgg");
    EXPECT_EQ(name("we propose a simple yet effective method dubbed BNS-GCN that samples."),
              "BNS-GCN");
    EXPECT_EQ(name("This paper presents CoRa, a tensor compiler for ragged tensors."), "CoRa");
    EXPECT_EQ(name("To address this, we propose DietCode, a new auto-scheduler framework."),
              "DietCode");
    EXPECT_EQ(name("We further developed QuadraLib, a QDNN library."), "QuadraLib");
    EXPECT_EQ(name("We present the Sequential Aggregation and Rematerialization (SAR) scheme for "
                   "training."),
              "SAR");
    EXPECT_EQ(name("Tracer, our open-source tool, records kernels. Tracer is fast."), "Tracer");
    EXPECT_EQ(name("At its core is a novel abstraction called Message Passing Data Flow Graph "
                   "(MP-DFG), which enables optimisations."),
              "MP-DFG");
}

TEST(SystemName, ALowerCaseNounPhraseIsCapitalised) {
    EXPECT_EQ(name("We propose bit-serial weight pools, an end-to-end framework."),
              "Bit-serial weight pools");
}

TEST(SystemName, AFrameworkNamedOnceMoreThanOnce) {
    EXPECT_EQ(name("We study fusion in a compilation framework Apollo. Apollo is fast."), "Apollo");
    // Named once only, "framework Lorem" is as likely to be a sentence's next word.
    EXPECT_EQ(name("A framework Lorem is here."), "");
}

TEST(SystemName, ADistinctiveNameTheAbstractKeepsRepeating) {
    EXPECT_EQ(name("Models drop accuracy on edge devices. ML-EXray provides visibility. Using "
                   "ML-EXray, users find bugs."),
              "ML-EXray");
    // The only distinctive name, starting a sentence, takes a capitalised word with it.
    EXPECT_EQ(name("This paper presents the first benchmark for mobile ML-framework providers. "
                   "MLPerf Mobile will evolve."),
              "MLPerf Mobile");
}

TEST(SystemName, NoneWhereNoneIsGiven) {
    EXPECT_EQ(name(""), "");
    EXPECT_EQ(name("We propose a new approach to sparse attention. It works on GPUs and DNNs."),
              "");
    // Frameworks merely mentioned once each are not the talk's system.
    EXPECT_EQ(name("We beat PyTorch and TensorFlow on attention kernels."), "");
}

TEST(TalkLabel, ANameWhenThereIsOne) {
    auto l = talk_label("Our system, Pathways, is explicitly designed.", 1);
    EXPECT_EQ(l.text, "Pathways");
    EXPECT_EQ(l.source, LabelSource::system_name);
}

TEST(TalkLabel, ElseTheFirstSentenceCutAtAWord) {
    auto l = talk_label(
        "High-performance primitives for mathematical operations on sparse vectors must deal "
        "with skew. We demonstrate a primitive.",
        5);
    EXPECT_EQ(l.text, "High-performance primitives for mathematical operations…");
    EXPECT_EQ(l.source, LabelSource::first_sentence);
    EXPECT_EQ(talk_label("Short and sweet, e.g. this one. Second sentence.", 1).text,
              "Short and sweet, e.g. this one");
    EXPECT_EQ(talk_label("In this paper, we study why training diverges.", 1).text,
              "We study why training diverges");
}

TEST(TalkLabel, NumberedWithoutAnAbstract) {
    EXPECT_EQ(talk_label("", 3), (TalkLabel{"Talk 3", LabelSource::numbered}));
    EXPECT_EQ(talk_label("  \n ", 1).text, "Talk 1");
    EXPECT_EQ(talk_label("\xE2\x80\xA6 ...", 2).text, "Talk 2");
}

TEST(TalkLabel, NeverLongerThanTheLimit) {
    std::string long_name = "We present " + std::string(100, 'X') + "yz, a system.";
    EXPECT_LE(utf8_length(talk_label(long_name, 1).text), max_label_chars);
    EXPECT_LE(utf8_length(talk_label(std::string(5000, 'a'), 1).text), max_label_chars);
}

}  // namespace
}  // namespace kiosk
