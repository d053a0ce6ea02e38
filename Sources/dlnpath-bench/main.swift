print("dlnpath-bench: under construction")
