// A location given as coordinates (WGS-84).
point({latitude: $latitude, longitude: $longitude})
