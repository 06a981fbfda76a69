#include "ui/common/WhenAnswered.h"

#include <QPromise>
#include <QTest>

#include <memory>

using namespace hoststand::ui;

// How a window hears the engine's answer: from its own event loop, once;
// "unanswered" for a command the engine closed on; nothing at all once the
// window (the context) is gone, where Qt 6.4's QFuture::then(context)
// asserts.
class tst_WhenAnswered final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theReplyComesFromTheEventLoopWithTheAnswer();
    void aCancelledCommandIsUnanswered();
    void nothingIsCalledOnceTheContextIsGone();
};

void tst_WhenAnswered::theReplyComesFromTheEventLoopWithTheAnswer()
{
    QObject context;
    QPromise<int> promise;
    promise.start();
    int replied = 0;
    bool unanswered = false;
    QFuture<int> doubled = whenAnswered(
        promise.future(), &context,
        [&](int answer) {
            replied = answer;
            return 2 * answer;
        },
        [&] { unanswered = true; });
    promise.addResult(21);
    promise.finish();
    QCOMPARE(replied, 0); // not from inside finish()
    QTRY_COMPARE(replied, 21);
    QVERIFY(!unanswered);
    QTRY_VERIFY(doubled.isFinished());
    QCOMPARE(doubled.result(), 42);
}

void tst_WhenAnswered::aCancelledCommandIsUnanswered()
{
    QObject context;
    auto promise = std::make_unique<QPromise<int>>();
    promise->start();
    bool replied = false;
    bool unanswered = false;
    QFuture<int> chained = whenAnswered(
        promise->future(), &context,
        [&](int answer) {
            replied = true;
            return answer;
        },
        [&] { unanswered = true; });
    promise.reset(); // destroyed unfinished: the future is cancelled
    QTRY_VERIFY(unanswered);
    QVERIFY(!replied);
    QTRY_VERIFY(chained.isFinished());
    QCOMPARE(chained.resultCount(), 0);
}

void tst_WhenAnswered::nothingIsCalledOnceTheContextIsGone()
{
    auto context = std::make_unique<QObject>();
    QPromise<int> promise;
    promise.start();
    bool called = false;
    QFuture<int> chained = whenAnswered(
        promise.future(), context.get(),
        [&](int answer) {
            called = true;
            return answer;
        },
        [&] { called = true; });
    context.reset();
    promise.addResult(1);
    promise.finish();
    QTest::qWait(50);
    QVERIFY(!called);
    QVERIFY(chained.isFinished()); // cancelled with the context
    QCOMPARE(chained.resultCount(), 0);
}

QTEST_GUILESS_MAIN(tst_WhenAnswered)
#include "tst_whenanswered.moc"
