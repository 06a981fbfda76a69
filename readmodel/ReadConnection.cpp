#include "readmodel/ReadConnection.h"

namespace hoststand {

ReadConnection::~ReadConnection() = default;

} // namespace hoststand
