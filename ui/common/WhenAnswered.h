#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <functional>

#include <memory>
#include <type_traits>

namespace hoststand::ui {

// Calls reply(answer) on the context's thread, from its event loop, once
// the future (of a command sent to the engine, say) has its answer, or
// unanswered() when it was cancelled without one (the engine closed first),
// unless the context was destroyed first: then neither is called. The
// future returned has reply's own answer, or none. QFuture::then(context,
// ...) of Qt 6.4 asserts instead when its context goes first, as a dialog
// closed before the engine answered does.
template<typename T, typename Reply>
auto whenAnswered(const QFuture<T> &future, QObject *context, Reply reply,
                  std::function<void()> unanswered = {})
    -> QFuture<std::invoke_result_t<Reply, const T &>>
{
    using R = std::invoke_result_t<Reply, const T &>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context,
        [watcher, promise, reply = std::move(reply), unanswered = std::move(unanswered)]() mutable {
            watcher->deleteLater();
            const QFuture<T> answered = watcher->future();
            if (answered.resultCount() > 0) {
                if constexpr (std::is_void_v<R>)
                    reply(answered.result());
                else
                    promise->addResult(reply(answered.result()));
            } else if (unanswered) {
                unanswered();
            }
            promise->finish();
        });
    watcher->setFuture(future);
    return promise->future();
}

} // namespace hoststand::ui
