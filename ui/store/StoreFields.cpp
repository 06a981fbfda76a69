#include "ui/store/StoreFields.h"

#include "eventstore/PostgresConnectionSettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace hoststand::ui {
namespace {

const QString Group = u"store"_s;

QUrl serverUrl(const StoreFields &choice)
{
    QUrl url;
    url.setScheme(u"postgresql"_s);
    url.setHost(choice.host.trimmed());
    url.setPort(choice.port);
    url.setUserName(choice.user.trimmed());
    url.setPassword(choice.password);
    url.setPath(u"/"_s + choice.database.trimmed());
    return url;
}

std::optional<QString> fileProblem(const QString &file)
{
    if (file.trimmed().isEmpty())
        return u"Name the store file."_s;
    const QFileInfo info(file.trimmed());
    if (info.isDir())
        return u"%1 is a folder: name a file in it."_s.arg(QDir::toNativeSeparators(file));
    if (!info.absoluteDir().exists())
        return u"The folder %1 does not exist."_s.arg(
            QDir::toNativeSeparators(info.absolutePath()));
    return std::nullopt;
}

std::optional<QString> serverProblem(const StoreFields &choice)
{
    if (choice.host.trimmed().isEmpty())
        return u"Name the server (its host name or address)."_s;
    if (choice.host.trimmed().contains(u' ') || choice.host.contains(u'/'))
        return u"\"%1\" is not a host name or address."_s.arg(choice.host.trimmed());
    if (choice.database.trimmed().isEmpty())
        return u"Name the database."_s;
    if (choice.user.trimmed().isEmpty())
        return u"Name the user the server knows this terminal as."_s;
    if (auto parsed = PostgresConnectionSettings::fromUrl(choice.location()); !parsed.ok())
        return parsed.error().message();
    return std::nullopt;
}

} // namespace

QString StoreFields::defaultFile()
{
    const QString folder
        = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/Hoststand"_s;
    QDir().mkpath(folder);
    return folder + u"/restaurant.hoststand"_s;
}

StoreFields StoreFields::defaults()
{
    StoreFields choice;
    choice.file = defaultFile();
    choice.host = u"localhost"_s;
    choice.database = u"hoststand"_s;
    choice.user = u"hoststand"_s;
    return choice;
}

StoreFields StoreFields::fromLocation(const QString &location)
{
    StoreFields choice = defaults();
    auto settings = PostgresConnectionSettings::fromUrl(location);
    if (!PostgresConnectionSettings::isUrl(location) || !settings.ok()) {
        choice.file = location;
        return choice;
    }
    choice.kind = Kind::Server;
    choice.host = settings->host;
    choice.port = settings->port;
    choice.database = settings->database;
    choice.user = settings->user;
    choice.password = settings->password;
    return choice;
}

QString StoreFields::location() const
{
    if (kind == Kind::File)
        return file.trimmed();
    return serverUrl(*this).toString(QUrl::FullyEncoded);
}

QString StoreFields::shownLocation() const
{
    if (kind == Kind::File)
        return QDir::toNativeSeparators(file.trimmed());
    return serverUrl(*this).toString(QUrl::RemovePassword | QUrl::FullyEncoded);
}

std::optional<QString> StoreFields::problem() const
{
    return kind == Kind::File ? fileProblem(file) : serverProblem(*this);
}

bool StoreFields::isComplete() const
{
    return !problem() && (kind == Kind::File || rememberPassword);
}

void StoreFields::remember(QSettings &settings) const
{
    settings.beginGroup(Group);
    settings.setValue(u"kind"_s, kind == Kind::File ? u"file"_s : u"server"_s);
    settings.setValue(u"file"_s, file);
    settings.setValue(u"host"_s, host);
    settings.setValue(u"port"_s, port);
    settings.setValue(u"database"_s, database);
    settings.setValue(u"user"_s, user);
    settings.setValue(u"rememberPassword"_s, rememberPassword);
    if (rememberPassword && kind == Kind::Server)
        settings.setValue(u"password"_s, password);
    else
        settings.remove(u"password"_s);
    settings.endGroup();
    settings.sync();
    // The password, when there is one, is for this user's eyes only.
    QFile::setPermissions(settings.fileName(), QFile::ReadOwner | QFile::WriteOwner);
}

std::optional<StoreFields> StoreFields::remembered(QSettings &settings)
{
    settings.beginGroup(Group);
    const QString kind = settings.value(u"kind"_s).toString();
    StoreFields choice = defaults();
    choice.kind = kind == u"server"_s ? Kind::Server : Kind::File;
    choice.file = settings.value(u"file"_s, choice.file).toString();
    choice.host = settings.value(u"host"_s, choice.host).toString();
    choice.port = settings.value(u"port"_s, choice.port).toInt();
    choice.database = settings.value(u"database"_s, choice.database).toString();
    choice.user = settings.value(u"user"_s, choice.user).toString();
    choice.rememberPassword = settings.value(u"rememberPassword"_s, false).toBool();
    choice.password = settings.value(u"password"_s).toString();
    settings.endGroup();
    if (kind.isEmpty())
        return std::nullopt;
    return choice;
}

} // namespace hoststand::ui
