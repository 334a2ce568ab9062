#pragma once
// Planar geometry in a projected CRS (SWEREF99 TM, EPSG:3006: metres east and north).
#include <vector>

namespace trygg {

struct Point {
    double x = 0.0;  // easting [m]
    double y = 0.0;  // northing [m]
};

struct Box {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;
};

using Ring = std::vector<Point>;  // closed implicitly: the last vertex connects to the first

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

// A district or DeSO may be several polygons (islands); GeoJSON MultiPolygon maps here.
using Shape = std::vector<Polygon>;

double area(const Ring& ring);        // unsigned [m²]
double area(const Polygon& polygon);  // outer minus holes [m²]
double area(const Shape& shape);
double perimeter(const Shape& shape);  // all rings [m]
Box bounds(const Shape& shape);
Box merge(const Box& a, const Box& b);
// Even-odd rule over all rings, so holes and enclaves come out right without orientation.
bool contains(const Shape& shape, Point p);
double distance(Point a, Point b);

}  // namespace trygg
