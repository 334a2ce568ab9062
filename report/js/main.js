// Draws every section once all section scripts have registered their renderers.
TryggReport.start();
