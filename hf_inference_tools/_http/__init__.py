"""Everything that touches the network lives in this package.

- `transport`: the inference API (authenticated, retried, mapped to the error tree).
- `fetch`: untrusted media URLs named by an agent (never authenticated, guarded against SSRF).
"""
