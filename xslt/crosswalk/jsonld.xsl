<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe crosswalk driver: teiHeader -> schema.org JSON-LD file (application/ld+json).

  Input : a TEI P5 document written by teiscribe.
  Output: the JSON-LD text of schema-org.xsl on one line, UTF-8 (teiscribe deposit
          re-indents it with Python's json module; key order is kept).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:cw="urn:x-teiscribe:crosswalk"
    exclude-result-prefixes="#all">

  <xsl:include href="schema-org.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:value-of select="cw:json-ld(., false())"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
