"""Modal screens: help, legend, fact form, prompts, import and export."""
