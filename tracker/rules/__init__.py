"""One module per rule, each naming its source."""
