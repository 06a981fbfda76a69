#pragma once

#include "app/cli/CommandSpec.h"

#include <QCommandLineOption>
#include <QList>
#include <QStringList>

namespace hoststand::cli {

// Every command hoststand-cli knows, and the options every command takes.
namespace CommandCatalog {

const QList<CommandSpec> &commands();
const QList<QCommandLineOption> &globalOptions();
// The global options that take a value ("store", "now", ...).
QStringList globalOptionsWithValue();
// The commands whose first word is word.
QList<const CommandSpec *> startingWith(const QString &word);

QString usage();
QString usage(const CommandSpec &command);

} // namespace CommandCatalog
} // namespace hoststand::cli
