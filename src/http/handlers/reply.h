// Reply: the respond step shared by handlers: a service result becomes its
// JSON rendering with `status`, or the problem response for its error.
#pragma once

#include "core/result.h"
#include "http/json_io.h"
#include "http/problem.h"

namespace hallway::http {

template <typename T, typename Render>
Response Reply(Request& req, const core::Result<T>& r, Render render, bhttp::status status = bhttp::status::ok) {
  if (!r) return ProblemResponse(req, r.error());
  return JsonResponse(req, status, render(*r));
}

}  // namespace hallway::http
