<?xml version="1.0" encoding="UTF-8"?>
<!--
  teiscribe HTML module: the metadata block built from the teiHeader.

  Named templates (reused by print/print.xsl for the front matter):
    meta-tags       <meta> author/description/generator for the HTML head
    header-block    title, metadata list, conventions, "Cite this", downloads
    footer-block    publisher, licence, generator
    meta-list       the <dl> of date, place, participants, translator, source...
                    (= meta-rows-people + meta-rows-source, also used separately)
    participants    the participant list with readable roles (ts:role-labels)
    cite-this       one-line citation of the document
    licence         licence sentence from publicationStmt/availability
    conventions     key to the editorial signs (conventions-list in <details>)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ts="urn:x-teiscribe:xslt"
    xpath-default-namespace="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:mode name="bibl" on-no-match="text-only-copy" warning-on-no-match="no"/>

  <xsl:variable name="ts:hdr" as="element(teiHeader)?" select="/TEI/teiHeader"/>
  <xsl:variable name="ts:translator" as="element()*"
      select="$ts:hdr/fileDesc/titleStmt/respStmt[@xml:id = 'translator'
              or contains(lower-case(resp), 'transl')]/(persName | name)"/>
  <xsl:variable name="ts:date" as="element(date)?"
      select="($ts:hdr/profileDesc/creation/date, $ts:hdr/fileDesc/sourceDesc/bibl/date)[1]"/>
  <xsl:variable name="ts:place" as="element()*"
      select="$ts:hdr/profileDesc/(creation/(placeName | settlement) | settingDesc//placeName)"/>

  <xsl:template name="meta-tags">
    <xsl:for-each select="$ts:translator">
      <meta name="author" content="{normalize-space(.)}"/>
    </xsl:for-each>
    <xsl:if test="$ts:hdr/profileDesc/abstract">
      <meta name="description" content="{normalize-space($ts:hdr/profileDesc/abstract)}"/>
    </xsl:if>
    <meta name="generator" content="teiscribe"/>
  </xsl:template>

  <xsl:template name="header-block">
    <h1 class="title"><xsl:value-of select="ts:title(.)"/></h1>
    <xsl:call-template name="meta-list"/>
    <xsl:call-template name="conventions"/>
    <p class="cite"><strong>Cite this: </strong><xsl:call-template name="cite-this"/></p>
    <xsl:if test="$tei-href or $pdf-href">
      <nav class="downloads" aria-label="Downloads">
        <xsl:if test="$tei-href">
          <a href="{$tei-href}" type="application/tei+xml" download="">TEI XML</a>
        </xsl:if>
        <xsl:if test="$tei-href and $pdf-href"><xsl:text> </xsl:text></xsl:if>
        <xsl:if test="$pdf-href">
          <a href="{$pdf-href}" type="application/pdf">PDF</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <xsl:template name="meta-list">
    <dl class="meta">
      <xsl:call-template name="meta-rows-people"/>
      <xsl:call-template name="meta-rows-source"/>
    </dl>
  </xsl:template>

  <!-- dt/dd rows about the event: date, place, participants, translator. -->
  <xsl:template name="meta-rows-people">
    <xsl:if test="$ts:date">
      <dt>Date</dt>
      <dd><time datetime="{$ts:date/@when}"><xsl:value-of select="normalize-space($ts:date)"/></time></dd>
    </xsl:if>
    <xsl:if test="$ts:place">
      <dt>Place</dt>
      <dd><xsl:value-of select="string-join($ts:place ! normalize-space(.), ', ')"/></dd>
    </xsl:if>
    <xsl:if test="$ts:hdr/profileDesc/particDesc//person">
      <dt>Participants</dt>
      <dd>
        <xsl:call-template name="participants"/>
      </dd>
    </xsl:if>
    <xsl:if test="$ts:translator">
      <dt>Translator</dt>
      <dd><xsl:value-of select="string-join($ts:translator ! normalize-space(.), ', ')"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- dt/dd rows about the source: bibl, archival reference, language, summary. -->
  <xsl:template name="meta-rows-source">
    <xsl:variable name="ms" select="$ts:hdr/fileDesc/sourceDesc/msDesc"/>
    <xsl:for-each select="$ts:hdr/fileDesc/sourceDesc/bibl">
      <dt>Source</dt>
      <dd class="source"><xsl:apply-templates mode="bibl"/></dd>
    </xsl:for-each>
    <xsl:if test="$ms">
      <dt>Archival reference</dt>
      <dd><xsl:value-of select="ts:archival-reference($ms)"/></dd>
    </xsl:if>
    <xsl:if test="$ts:hdr/fileDesc/sourceDesc//textLang">
      <dt>Original language</dt>
      <dd><xsl:value-of select="normalize-space(($ts:hdr/fileDesc/sourceDesc//textLang)[1])"/></dd>
    </xsl:if>
    <xsl:if test="$ts:hdr/profileDesc/abstract">
      <dt>Summary</dt>
      <dd class="summary"><xsl:apply-templates select="$ts:hdr/profileDesc/abstract/node()"/></dd>
    </xsl:if>
  </xsl:template>

  <!-- The listPerson as <ul class="participants">: "Name (role, role)". -->
  <xsl:template name="participants">
    <ul class="participants">
      <xsl:for-each select="$ts:hdr/profileDesc/particDesc//person">
        <xsl:variable name="roles" select="ts:role-labels(@role)"/>
        <li><xsl:value-of select="normalize-space((persName, .)[1])"/>
          <xsl:if test="exists($roles)"><xsl:text> </xsl:text><span class="role">(<xsl:value-of select="string-join($roles, ', ')"/>)</span></xsl:if>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- Readable labels for the tokens of person/@role, in order, without repeats:
       participant -> "present"; camelCase and hyphenated values -> spaced words. -->
  <xsl:function name="ts:role-labels" as="xs:string*">
    <xsl:param name="role" as="attribute()?"/>
    <xsl:sequence select="distinct-values(tokenize(normalize-space($role)) ! ts:role-label(.))"/>
  </xsl:function>

  <xsl:function name="ts:role-label" as="xs:string">
    <xsl:param name="token" as="xs:string"/>
    <xsl:variable name="known" select="map {
        'participant': 'present', 'present': 'present', 'speaker': 'speaker',
        'recorder': 'recorder', 'noteTaker': 'recorder', 'interpreter': 'interpreter',
        'translator': 'interpreter', 'chair': 'chair' }"/>
    <xsl:sequence select="($known($token),
        lower-case(normalize-space(replace(replace($token, '([a-z])([A-Z])', '$1 $2'), '[-_.]+', ' '))))[1]"/>
  </xsl:function>

  <!-- "Archive (AE), fond 1, opis 2, delo 3, ll. 4-5; copy: Collection, Library" -->
  <xsl:function name="ts:archival-reference" as="xs:string">
    <xsl:param name="ms" as="element(msDesc)"/>
    <xsl:variable name="id" select="$ms/msIdentifier"/>
    <xsl:variable name="main" select="string-join((
        $id/(repository, collection) ! normalize-space(.),
        $id/idno ! (if (@type = ('fond', 'opis', 'delo', 'folder', 'box', 'file'))
                    then @type || ' ' || normalize-space(.) else normalize-space(.)),
        $ms/msContents/msItem/locus ! normalize-space(.)), ', ')"/>
    <xsl:variable name="copies" select="$id/altIdentifier ! string-join(
        (distinct-values((collection, repository) ! normalize-space(.))), ', ')"/>
    <xsl:sequence select="string-join(($main, $copies ! ('copy: ' || .)), '; ')"/>
  </xsl:function>

  <!-- One-line citation of this edition:
         [Translator (trans.), ]“Title,” date, archival reference.
         [Publisher, ]TEI P5 edition URL.                    (publicationStmt/idno[@type='URI'])
         [Publisher, ]TEI P5 edition ID[, from the text at SOURCE-URL].   (otherwise)
       Empty header fields are left out together with their punctuation. -->
  <xsl:template name="cite-this">
    <xsl:variable name="ms" select="$ts:hdr/fileDesc/sourceDesc/msDesc"/>
    <xsl:variable name="pub" select="$ts:hdr/fileDesc/publicationStmt"/>
    <xsl:variable name="edition-uri" as="xs:string?"
        select="($pub/idno[@type = 'URI'] ! normalize-space(.))[.][1]"/>
    <xsl:variable name="edition-id" as="xs:string?"
        select="(($pub/idno[not(@type = 'URI')] ! normalize-space(.))[.], string(/TEI/@xml:id)[.])[1]"/>
    <xsl:variable name="source-uri" as="xs:string?"
        select="(($ts:hdr/fileDesc/sourceDesc/bibl//idno[@type = 'URI'],
                  $ts:hdr/fileDesc/sourceDesc/bibl//ref/@target) ! normalize-space(.))[.][1]"/>
    <xsl:variable name="translators" select="string-join($ts:translator ! normalize-space(.), ', ')"/>
    <xsl:variable name="title" select="ts:title(.)"/>
    <xsl:variable name="after-title" as="xs:string*"
        select="($ts:date ! normalize-space(.), $ms ! ts:archival-reference(.))[.]"/>
    <xsl:variable name="quoted-title" as="xs:string?"
        select="$title[.] ! ('“' || . || (if (exists($after-title)) then ',”' else '.”'))"/>
    <!-- The comma of a quoted title goes inside the quotes: no comma after it. -->
    <xsl:variable name="source-text" as="xs:string" select="string-join((
        string-join(($translators[.] ! (. || ' (trans.)'), $quoted-title), ', '),
        string-join($after-title, ', ')[.]), if ($quoted-title) then ' ' else ', ')"/>
    <xsl:if test="$source-text">
      <xsl:value-of select="ts:sentence($source-text)"/>
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="string-join(($pub/publisher ! normalize-space(.))[.], ', ')[.] ! (. || ', ')"/>
    <xsl:text>TEI P5 edition</xsl:text>
    <xsl:choose>
      <xsl:when test="$edition-uri">
        <xsl:text>, </xsl:text>
        <a href="{$edition-uri}" class="edition-uri"><xsl:value-of select="$edition-uri"/></a>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$edition-id ! (' ' || .)"/>
        <xsl:if test="$source-uri">
          <xsl:text>, from the text at </xsl:text>
          <a href="{$source-uri}"><xsl:value-of select="$source-uri"/></a>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
  </xsl:template>

  <!-- $s closed by a full stop, unless it already ends a sentence (".", ".”", "?)"...). -->
  <xsl:function name="ts:sentence" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '[.!?][”’&quot;)\]]*$')) then $s else $s || '.'"/>
  </xsl:function>

  <xsl:template name="licence">
    <xsl:for-each select="$ts:hdr/fileDesc/publicationStmt/availability/licence">
      <xsl:text>Licence: </xsl:text>
      <xsl:choose>
        <xsl:when test="@target"><a href="{@target}" rel="license"><xsl:value-of select="normalize-space(.)"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>.</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="$ts:hdr/fileDesc/publicationStmt/availability/p">
      <xsl:text> </xsl:text><xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="conventions">
    <details class="conventions">
      <summary>Editorial conventions</summary>
      <xsl:call-template name="conventions-list"/>
    </details>
  </xsl:template>

  <xsl:template name="conventions-list">
    <ul>
      <li><span class="supplied">[word]</span> editorial insertion by the translator or editor</li>
      <li>[<i>word</i>] original-language word kept by the translator</li>
      <li>C<span class="ex">entral</span> expanded abbreviation</li>
      <li>[sic] thus in the source; <span class="orphan-note-call">[6]</span> note call without a note in the source</li>
      <li><span class="pb">|</span> page break in the source; <span class="stage stage-delivery">(italics)</span> manner of speaking</li>
    </ul>
  </xsl:template>

  <xsl:template name="footer-block">
    <xsl:variable name="pub" select="$ts:hdr/fileDesc/publicationStmt"/>
    <p>
      <xsl:for-each select="string-join(($pub/publisher ! normalize-space(.))[.], ', ')[.]">Published by <xsl:value-of select="ts:sentence(.)"/><xsl:text> </xsl:text></xsl:for-each>
      <xsl:call-template name="licence"/>
      <xsl:text> Encoded in TEI P5</xsl:text>
      <xsl:value-of select="$ts:hdr/encodingDesc/appInfo/application[1] ! (' by ' || normalize-space(label) || ' ' || @version)"/>
      <xsl:text>.</xsl:text>
    </p>
  </xsl:template>

  <!-- ===== the source citation (bibl) ===== -->
  <xsl:template match="title" mode="bibl"><cite><xsl:apply-templates mode="bibl"/></cite></xsl:template>
  <xsl:template match="date[@when]" mode="bibl"><time datetime="{@when}"><xsl:apply-templates mode="bibl"/></time></xsl:template>
  <xsl:template match="ref[@target]" mode="bibl"><a href="{@target}"><xsl:apply-templates mode="bibl"/></a></xsl:template>
  <!-- Shown elsewhere: the URI duplicates ref; the language has its own row. -->
  <xsl:template match="idno[@type = 'URI'][../ref] | textLang" mode="bibl"/>

</xsl:stylesheet>
