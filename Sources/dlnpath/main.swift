print("dlnpath: under construction")
