#pragma once

// A booker header that reaches into the table manager and into QtWidgets:
// the layering check must refuse this tree.
#include "domain/tablemanager/Table.h"

#include <QWidget>
