#include "world/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace trygg {

double area(const Ring& ring) {
    double twice = 0.0;  // shoelace formula
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        twice += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    }
    return std::abs(twice) / 2.0;
}

double area(const Polygon& polygon) {
    double a = area(polygon.outer);
    for (const auto& hole : polygon.holes) a -= area(hole);
    return a;
}

double area(const Shape& shape) {
    double a = 0.0;
    for (const auto& p : shape) a += area(p);
    return a;
}

static double ring_length(const Ring& ring) {
    double len = 0.0;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) len += distance(ring[j], ring[i]);
    return len;
}

double perimeter(const Shape& shape) {
    double len = 0.0;
    for (const auto& p : shape) {
        len += ring_length(p.outer);
        for (const auto& h : p.holes) len += ring_length(h);
    }
    return len;
}

Box bounds(const Shape& shape) {
    constexpr double inf = std::numeric_limits<double>::infinity();
    Box b{inf, inf, -inf, -inf};
    for (const auto& p : shape) {
        for (const auto& v : p.outer) {
            b.min_x = std::min(b.min_x, v.x);
            b.min_y = std::min(b.min_y, v.y);
            b.max_x = std::max(b.max_x, v.x);
            b.max_y = std::max(b.max_y, v.y);
        }
    }
    return b;
}

Box merge(const Box& a, const Box& b) {
    return {std::min(a.min_x, b.min_x), std::min(a.min_y, b.min_y), std::max(a.max_x, b.max_x),
            std::max(a.max_y, b.max_y)};
}

static bool crosses(const Ring& ring, Point p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

bool contains(const Shape& shape, Point p) {
    bool inside = false;
    for (const auto& poly : shape) {
        if (crosses(poly.outer, p)) inside = !inside;
        for (const auto& hole : poly.holes) {
            if (crosses(hole, p)) inside = !inside;
        }
    }
    return inside;
}

double distance(Point a, Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

}  // namespace trygg
