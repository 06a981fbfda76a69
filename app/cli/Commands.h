#pragma once

// The commands of hoststand-cli, one function each: it reads its arguments
// (bad usage first, before the store is opened), runs the domain's command
// or query and prints the answer. Each returns the exit status.
namespace hoststand::cli {

class CommandRun;

namespace commands {

int tablesAdd(CommandRun &run);
int tablesMove(CommandRun &run);
int tablesSeats(CommandRun &run);
int tablesRemove(CommandRun &run);
int tablesList(CommandRun &run);

int book(CommandRun &run);
int walkIn(CommandRun &run);
int freeSlots(CommandRun &run);

int bookingsShow(CommandRun &run);
int bookingsList(CommandRun &run);
int bookingsChange(CommandRun &run);
int bookingsCancel(CommandRun &run);
int bookingsArrive(CommandRun &run);
int bookingsSeat(CommandRun &run);
int bookingsLeave(CommandRun &run);
int bookingsNoShow(CommandRun &run);

int locksList(CommandRun &run);
int expireLocks(CommandRun &run);

int settingsShow(CommandRun &run);
int settingsServicePeriods(CommandRun &run);
int settingsSlotLength(CommandRun &run);
int settingsTimeZone(CommandRun &run);
int settingsHorizon(CommandRun &run);
int settingsTurnTimes(CommandRun &run);

int sagasParked(CommandRun &run);
int sagasRetry(CommandRun &run);
int sagasSkip(CommandRun &run);

int events(CommandRun &run);
int rebuild(CommandRun &run);
int verify(CommandRun &run);
int migrate(CommandRun &run);

} // namespace commands
} // namespace hoststand::cli
