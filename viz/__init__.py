"""The pictures: network pages for workshops and charts for reports."""
