// hoststand-cli: the restaurant's commands for scripts and terminals
// (README.md, "Command line"). main() only parses and hands over.

#include "app/cli/CliOutput.h"
#include "app/cli/CommandLine.h"
#include "app/cli/CommandRun.h"
#include "app/cli/CommandSpec.h"
#include "app/cli/ExitStatus.h"

#include <QCoreApplication>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace hoststand::cli;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"hoststand-cli"_s);
    QCoreApplication::setOrganizationName(u"Hoststand"_s);

    const CommandLine line(QCoreApplication::arguments());
    CliOutput output;
    output.setJson(line.json());
    if (const QString problem = CommandLine::encodingProblem(argc, argv); !problem.isEmpty())
        return output.badUsage(problem, line.usage());
    if (!line.problem().isEmpty())
        return output.badUsage(line.problem(), line.usage());
    if (line.helpRequested()) {
        output.result(QJsonObject {{u"usage"_s, line.usage()}}, line.usage());
        return ExitOk;
    }
    CommandRun run(line, output);
    if (run.hasBadUsage())
        return run.badUsage();
    const int exitCode = line.command()->run(run);
    run.finishSagaWork();
    return exitCode;
}
