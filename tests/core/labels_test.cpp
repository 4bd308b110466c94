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

TEST(SystemName, NamedLaterThanTheFirstSentence) {
    // Introduced after the problem statement, in the ways abstracts do it.
    EXPECT_EQ(name("Distributed training is slow. Foo, our open-source tool, finds stragglers."),
              "Foo");
    EXPECT_EQ(name("Kernels are hard to schedule. Bar is a framework that schedules them."), "Bar");
    EXPECT_EQ(name("Bar is a lightweight open-source framework for serving models."), "Bar");
    EXPECT_EQ(
        name("Training large models is costly. We introduce Baz, cutting memory use in half."),
        "Baz");
    EXPECT_EQ(name("Profilers miss stalls. We present TorchProf on top of PyTorch."), "TorchProf");
    EXPECT_EQ(name("We present MLPerf Mobile, a benchmark for phones."), "MLPerf Mobile");
    EXPECT_EQ(name("Existing profilers miss stalls. We built a profiler called Qux."), "Qux");
    EXPECT_EQ(name("Profilers miss stalls; we build a tool, which we call Qux, to find them."),
              "Qux");
    EXPECT_EQ(name("Profilers miss stalls. Our approach, termed Quill, finds them."), "Quill");
    EXPECT_EQ(name("Profilers miss stalls. We built a profiler known as Quasar."), "Quasar");
    // "PyTorch is a framework" comes first, but the abstract presents Zed.
    EXPECT_EQ(name("PyTorch is a popular framework. We present Zed, a compiler for it."), "Zed");
    EXPECT_EQ(name("PyTorch is a popular framework. Our tool, Zed, compiles it."), "Zed");

    // A capitalised word before "is a …" that does not stand alone is no name.
    EXPECT_EQ(name("Deep learning is a tool for many tasks."), "");
    EXPECT_EQ(name("This is a framework for training."), "");
    EXPECT_EQ(name("We introduce Bayesian methods to the problem."), "");
}

TEST(SystemName, TheLibraryTheWorkIsReleasedIn) {
    // The seed's fifth talk names no system of its own, but says where its code lives.
    EXPECT_EQ(name("Sparse primitives must deal with skew. Our implementation is fully open source "
                   "and publicly available as part of the RAFT library of GPU-accelerated "
                   "primitives (https://github.com/rapidsai/raft)."),
              "RAFT");
    // A library merely used is not where the work lives.
    EXPECT_EQ(name("We train models with the JAX library on TPUs."), "");
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

TEST(TalkLabel, NeverEmpty) {
    // A stray full stop before the text must not make an empty first sentence.
    EXPECT_EQ(talk_label(". Real text here. More text.", 2).text, "Real text here");
    EXPECT_EQ(talk_label("! ? Real text here.", 2).text, "Real text here");
    for (std::string_view s : {".", ". .", "… …", "(https://x.y)", "In this paper, ", "a"}) {
        EXPECT_FALSE(talk_label(s, 7).text.empty()) << s;
    }
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
