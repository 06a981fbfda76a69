#include "tests/cli/CliRunner.h"

#include "tests/support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace hoststand::test {

QJsonValue CliRun::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(out);
    if (document.isArray())
        return document.array();
    if (document.isObject())
        return document.object();
    return QJsonValue::Undefined;
}

QByteArray CliRun::describe(const QStringList &arguments) const
{
    return "hoststand-cli " + arguments.join(u' ').toUtf8() + "\nexit "
        + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
}

CliRunner::CliRunner(QStringList leading)
    : m_leading(std::move(leading))
{ }

CliRun CliRunner::run(const QStringList &arguments) const
{
    return start(m_program.isEmpty() ? executable(u"hoststand-cli"_s) : m_program,
                 m_leading + arguments);
}

CliRun CliRunner::runWithRawLastArgument(const QStringList &arguments, const QByteArray &last) const
{
    QString octal;
    for (const char byte : last)
        octal += u"\\%1"_s.arg(uint(uchar(byte)), 3, 8, QLatin1Char('0'));
    const QString script = u"exec \"$0\" \"$@\" \"$(printf '%1')\""_s.arg(octal);
    return start(u"/bin/sh"_s,
                 QStringList {u"-c"_s, script, executable(u"hoststand-cli"_s)} + m_leading
                     + arguments);
}

CliRun CliRunner::start(const QString &program, const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(m_environment);
    process.start(program, arguments);
    CliRun result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "hoststand-cli did not start or did not finish";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString jsonAt(const QJsonValue &root, const QString &path)
{
    QJsonValue value = root;
    for (const QString &segment : path.split(u'/')) {
        if (segment == u"#"_s) {
            if (value.isArray())
                return QString::number(value.toArray().size());
            return value.isObject() ? QString::number(value.toObject().size()) : u"<missing>"_s;
        }
        if (value.isArray()) {
            bool ok = false;
            const int index = segment.toInt(&ok);
            if (!ok || index < 0 || index >= value.toArray().size())
                return u"<missing>"_s;
            value = value.toArray().at(index);
        } else if (value.isObject() && value.toObject().contains(segment)) {
            value = value.toObject().value(segment);
        } else {
            return u"<missing>"_s;
        }
    }
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

} // namespace hoststand::test
