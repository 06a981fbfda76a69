#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>

#include <memory>
#include <type_traits>

namespace hoststand::ui {

// Calls reply(answer) on the context's thread, from its event loop, once
// the future (of a command sent to the engine, say) has its answer, unless
// the context was destroyed first: then reply is never called. The future
// returned has reply's own answer, or none. QFuture::then(context, ...) of
// Qt 6.4 asserts instead when its context goes first, as a dialog closed
// before the engine answered does.
template<typename T, typename Reply>
auto whenAnswered(const QFuture<T> &future, QObject *context, Reply reply)
    -> QFuture<std::invoke_result_t<Reply, const T &>>
{
    using R = std::invoke_result_t<Reply, const T &>;
    auto promise = std::make_shared<QPromise<R>>();
    promise->start();
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, promise, reply = std::move(reply)]() mutable {
                         watcher->deleteLater();
                         const QFuture<T> answered = watcher->future();
                         if (answered.resultCount() > 0) {
                             if constexpr (std::is_void_v<R>)
                                 reply(answered.result());
                             else
                                 promise->addResult(reply(answered.result()));
                         }
                         promise->finish();
                     });
    watcher->setFuture(future);
    return promise->future();
}

} // namespace hoststand::ui
