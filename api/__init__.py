"""The interfaces: the web app and the `sozialgraph` command line."""
